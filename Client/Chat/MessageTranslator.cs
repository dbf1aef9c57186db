using System.Text.Json;
using LocalOpenAi.Formats.OpenAi;
using Microsoft.Extensions.AI;
using WireMessage = LocalOpenAi.Formats.OpenAi.ChatMessage;

namespace LocalOpenAi.Client.Chat;

/// <summary>
/// Microsoft.Extensions.AI messages as the chat template reads them: calls become the assistant's
/// <c>tool_calls</c>, each result a <c>tool</c> message answering its call id.
/// </summary>
internal static class MessageTranslator
{
    public static List<WireMessage> ToWire(IEnumerable<Microsoft.Extensions.AI.ChatMessage> messages)
    {
        var wire = new List<WireMessage>();
        foreach (var message in messages)
        {
            var calls = message.Contents.OfType<FunctionCallContent>().Select(ToToolCall).ToList();
            var results = message.Contents.OfType<FunctionResultContent>().ToList();
            if (calls.Count > 0 || results.Count == 0 || message.Text.Length > 0)
            {
                wire.Add(new WireMessage
                {
                    Role = message.Role.Value,
                    Content = calls.Count > 0 && message.Text.Length == 0 ? null : message.Text,
                    Name = message.AuthorName,
                    ToolCalls = calls.Count > 0 ? calls : null,
                });
            }

            wire.AddRange(results.Select(result => new WireMessage { Role = "tool", ToolCallId = result.CallId, Content = ResultText(result.Result) }));
        }

        return wire;
    }

    private static ToolCall ToToolCall(FunctionCallContent call, int index) => new()
    {
        Id = call.CallId,
        Index = index,
        Function = new FunctionCall { Name = call.Name, Arguments = JsonSerializer.Serialize(call.Arguments ?? new Dictionary<string, object?>(), AIJsonUtilities.DefaultOptions) },
    };

    private static string ResultText(object? result) => result switch
    {
        null => string.Empty,
        string text => text,
        JsonElement element => element.GetRawText(),
        _ => JsonSerializer.Serialize(result, AIJsonUtilities.DefaultOptions),
    };
}
