using System.Text.Json;
using System.Text.Json.Nodes;

namespace LocalOpenAi.Formats.Responses;

/// <summary><c>tools</c> and <c>tool_choice</c> of a Responses request as chat function tools and the same choice.</summary>
internal static class ResponsesToolOptions
{
    public static ResponsesError? Tools(JsonObject body, JsonObject chat)
    {
        var fields = new FieldReader(body, string.Empty);
        var tools = fields.Array("tools");
        if (tools is null || tools.Count == 0)
        {
            return fields.Error;
        }

        var chatTools = new JsonArray();
        for (var i = 0; i < tools.Count; i++)
        {
            var path = JsonFields.Path("tools", i);
            if (tools[i] is not JsonObject tool)
            {
                return ResponsesError.InvalidType(path, "an object", tools[i]);
            }

            var error = FunctionTool(tool, path, out var chatTool);
            if (error is not null)
            {
                return error;
            }

            chatTools.Add(chatTool);
        }

        chat["tools"] = chatTools;
        return null;
    }

    public static ResponsesError? ToolChoice(JsonObject body, JsonObject chat)
    {
        var choice = body["tool_choice"];
        switch (choice?.GetValueKind())
        {
            case null or JsonValueKind.Null:
                return null;
            case JsonValueKind.String when (string)choice! is "auto" or "none" or "required":
                chat["tool_choice"] = choice!.DeepClone();
                return null;
            case JsonValueKind.String:
                return ResponsesError.InvalidValue(
                    "tool_choice", $"Invalid value for 'tool_choice': '{(string)choice!}'; expected 'auto', 'none', 'required' or a function.");
            case JsonValueKind.Object:
                return NamedFunction(choice!.AsObject(), chat);
            default:
                return ResponsesError.InvalidType("tool_choice", "a string or an object", choice);
        }
    }

    private static ResponsesError? FunctionTool(JsonObject tool, string path, out JsonObject? chatTool)
    {
        chatTool = null;
        var fields = new FieldReader(tool, path);
        var type = fields.RequiredString("type");
        if (type is not null and not "function")
        {
            return ResponsesError.Unsupported(
                JsonFields.Path(path, "type"), $"Tools of type '{type}' are not supported by this server; only 'function' tools are.");
        }

        var name = fields.RequiredString("name");
        var description = fields.String("description");
        var parameters = fields.Object("parameters");
        var strict = fields.Bool("strict");
        if (fields.Error is not null)
        {
            return fields.Error;
        }

        var function = new JsonObject { ["name"] = name };
        JsonFields.SetIfPresent(function, "description", description);
        JsonFields.SetIfPresent(function, "parameters", parameters?.DeepClone());
        JsonFields.SetIfPresent(function, "strict", strict);
        chatTool = new JsonObject { ["type"] = "function", ["function"] = function };
        return null;
    }

    private static ResponsesError? NamedFunction(JsonObject choice, JsonObject chat)
    {
        var fields = new FieldReader(choice, "tool_choice");
        return fields.RequiredString("type") switch
        {
            null => fields.Error,
            "function" => fields.RequiredString("name") is { } name
                ? JsonFields.Set(chat, "tool_choice", new JsonObject { ["type"] = "function", ["function"] = new JsonObject { ["name"] = name } })
                : fields.Error,
            var type => ResponsesError.Unsupported(
                "tool_choice.type", $"'tool_choice' of type '{type}' is not supported by this server; use 'auto', 'none', 'required' or a function."),
        };
    }
}
