using System.Text.Json;
using System.Text.Json.Nodes;
using LocalOpenAi.Formats.OpenAi;
using Microsoft.Extensions.AI;

namespace LocalOpenAi.Client.Chat;

/// <summary>
/// A Microsoft.Extensions.AI call as the chat completions request the server would have received,
/// so both run through the same planner: sampling, response format and tool choice.
/// </summary>
internal static class ChatRequestTranslator
{
    public static ChatCompletionRequest ToRequest(IEnumerable<Microsoft.Extensions.AI.ChatMessage> messages, ChatOptions? options)
    {
        var tools = options?.Tools?.OfType<AIFunctionDeclaration>().Select(ToTool).ToList();
        return new ChatCompletionRequest
        {
            Messages = MessageTranslator.ToWire(messages),
            Temperature = options?.Temperature,
            TopP = options?.TopP,
            TopK = options?.TopK,
            MaxCompletionTokens = options?.MaxOutputTokens,
            Stop = options?.StopSequences?.ToList(),
            Seed = options?.Seed,
            FrequencyPenalty = options?.FrequencyPenalty,
            PresencePenalty = options?.PresencePenalty,
            ResponseFormat = ToResponseFormat(options?.ResponseFormat),
            Tools = tools is { Count: > 0 } ? tools : null,
            ToolChoice = tools is { Count: > 0 } ? ToToolChoice(options?.ToolMode) : null,
        };
    }

    private static ChatTool ToTool(AIFunctionDeclaration function) => new()
    {
        Function = new FunctionDefinition { Name = function.Name, Description = function.Description, Parameters = function.JsonSchema },
    };

    private static JsonElement? ToResponseFormat(ChatResponseFormat? format) => format switch
    {
        ChatResponseFormatJson { Schema: { } schema } json => Element(new JsonObject
        {
            ["type"] = "json_schema",
            ["json_schema"] = new JsonObject { ["name"] = json.SchemaName ?? "response", ["schema"] = JsonNode.Parse(schema.GetRawText()) },
        }),
        ChatResponseFormatJson => Element(new JsonObject { ["type"] = "json_object" }),
        _ => null,
    };

    private static JsonElement? ToToolChoice(ChatToolMode? mode) => mode switch
    {
        RequiredChatToolMode { RequiredFunctionName: { } name } => Element(new JsonObject
        {
            ["type"] = "function",
            ["function"] = new JsonObject { ["name"] = name },
        }),
        RequiredChatToolMode => Element(JsonValue.Create("required")),
        NoneChatToolMode => Element(JsonValue.Create("none")),
        _ => null,
    };

    private static JsonElement Element(JsonNode node) => JsonSerializer.SerializeToElement(node);
}
