using System.Text.Json;
using System.Text.Json.Nodes;
using LocalOpenAi.Formats.OpenAi;

namespace LocalOpenAi.Formats.Templates;

/// <summary>
/// A tool as the official templates receive it: the OpenAI wire object
/// <c>{"type": "function", "function": {"name", "description", "parameters", "strict"}}</c>,
/// absent members left out and the parameters schema in its original key order.
/// </summary>
internal static class ToolDefinitionJson
{
    public static JsonElement ToElement(ChatTool tool) =>
        JsonSerializer.SerializeToElement(new JsonObject
        {
            ["type"] = tool.Type,
            ["function"] = FunctionNode(tool.Function),
        });

    public static JsonElement FunctionElement(ChatTool tool) =>
        JsonSerializer.SerializeToElement(FunctionNode(tool.Function));

    /// <summary>An assistant tool call's function as <c>{"name", "arguments"}</c> with parsed arguments.</summary>
    public static JsonElement CallElement(FunctionCall call) =>
        JsonSerializer.SerializeToElement(new JsonObject
        {
            ["name"] = call.Name,
            ["arguments"] = JsonNode.Parse(TemplateJson.ParseArguments(call.Arguments).GetRawText()),
        });

    private static JsonObject FunctionNode(FunctionDefinition function)
    {
        var node = new JsonObject { ["name"] = function.Name };
        if (function.Description is not null)
        {
            node["description"] = function.Description;
        }

        if (function.Parameters is { } parameters)
        {
            node["parameters"] = JsonNode.Parse(parameters.GetRawText());
        }

        if (function.Strict is { } strict)
        {
            node["strict"] = strict;
        }

        return node;
    }
}
