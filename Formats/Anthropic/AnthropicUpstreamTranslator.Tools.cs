using System.Text.Json.Nodes;

namespace LocalOpenAi.Formats.Anthropic;

public static partial class AnthropicUpstreamTranslator
{
    private static void Tools(JsonObject chat, JsonObject request, AnthropicFields fields)
    {
        if (fields.Array(chat, "tools", "") is { } tools)
        {
            var definitions = new JsonArray();
            foreach (var (tool, path) in fields.Objects(tools, "tools"))
            {
                var functionPath = AnthropicFields.Path(path, "function");
                if (fields.Object(tool, "function", path, required: true) is not { } function)
                {
                    continue;
                }

                var definition = new JsonObject { ["name"] = fields.String(function, "name", functionPath, required: true) };
                Put(definition, "description", fields.String(function, "description", functionPath));
                definition["input_schema"] = fields.Object(function, "parameters", functionPath)?.DeepClone()
                    ?? new JsonObject { ["type"] = "object", ["properties"] = new JsonObject() };
                Put(definition, "strict", fields.Boolean(function, "strict", functionPath));
                definitions.Add(definition);
            }

            request["tools"] = definitions;
        }

        var choice = ToolChoice(fields.Node(chat, "tool_choice", ""), fields);
        if (fields.Boolean(chat, "parallel_tool_calls", "") == false)
        {
            choice ??= new JsonObject { ["type"] = "auto" };
            if ((string?)choice["type"] != "none")
            {
                choice["disable_parallel_tool_use"] = true;
            }
        }

        Put(request, "tool_choice", choice);
    }

    private static JsonObject? ToolChoice(JsonNode? choice, AnthropicFields fields)
    {
        switch (choice)
        {
            case null:
                return null;
            case JsonObject named:
                var name = fields.String(named["function"] as JsonObject ?? [], "name", "tool_choice.function", required: true);
                return new JsonObject { ["type"] = "tool", ["name"] = name };
        }

        switch (ChatJson.Text(choice))
        {
            case "auto":
                return new JsonObject { ["type"] = "auto" };
            case "required":
                return new JsonObject { ["type"] = "any" };
            case "none":
                return new JsonObject { ["type"] = "none" };
            default:
                fields.Fail("tool_choice", "Input should be 'auto', 'required', 'none' or a named function");
                return null;
        }
    }
}
