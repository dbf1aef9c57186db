using System.Text.Json.Nodes;

namespace LocalOpenAi.Formats.Anthropic;

public static partial class AnthropicRequestTranslator
{
    private static void Tools(JsonObject body, JsonObject chat, AnthropicFields fields)
    {
        if (fields.Array(body, "tools", "") is { } tools)
        {
            var functions = new JsonArray();
            foreach (var (tool, path) in fields.Objects(tools, "tools"))
            {
                if (fields.String(tool, "type", path) is { } type and not "custom")
                {
                    fields.Fail(AnthropicFields.Path(path, "type"), $"server tool '{type}' is not supported by this server");
                }

                var function = new JsonObject
                {
                    ["name"] = fields.String(tool, "name", path, required: true),
                    ["parameters"] = fields.Object(tool, "input_schema", path, required: true)?.DeepClone(),
                };
                Put(function, "description", fields.String(tool, "description", path));
                Put(function, "strict", fields.Boolean(tool, "strict", path));
                functions.Add(new JsonObject { ["type"] = "function", ["function"] = function });
            }

            chat["tools"] = functions;
        }

        if (fields.Object(body, "tool_choice", "") is { } choice)
        {
            ToolChoice(choice, chat, fields);
        }
    }

    private static void ToolChoice(JsonObject choice, JsonObject chat, AnthropicFields fields)
    {
        switch (fields.String(choice, "type", "tool_choice", required: true))
        {
            case null:
                return;
            case "auto":
                chat["tool_choice"] = "auto";
                break;
            case "any":
                chat["tool_choice"] = "required";
                break;
            case "none":
                chat["tool_choice"] = "none";
                break;
            case "tool":
                chat["tool_choice"] = new JsonObject
                {
                    ["type"] = "function",
                    ["function"] = new JsonObject { ["name"] = fields.String(choice, "name", "tool_choice", required: true) },
                };
                break;
            default:
                fields.Fail("tool_choice.type", "Input should be 'auto', 'any', 'tool' or 'none'");
                return;
        }

        if (fields.Boolean(choice, "disable_parallel_tool_use", "tool_choice") is { } disable)
        {
            chat["parallel_tool_calls"] = !disable;
        }
    }
}
