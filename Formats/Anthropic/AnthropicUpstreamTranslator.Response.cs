using System.Text;
using System.Text.Json.Nodes;

namespace LocalOpenAi.Formats.Anthropic;

public static partial class AnthropicUpstreamTranslator
{
    /// <summary>The fingerprint chat responses translated from an Anthropic upstream carry.</summary>
    public const string SystemFingerprint = "anthropic";

    /// <summary>
    /// An Anthropic <c>message</c> as a <c>chat.completion</c>: text blocks joined into the content,
    /// <c>tool_use</c> blocks as <c>tool_calls</c>, the finish reason and the usage. Other blocks
    /// (thinking, server tools) have no chat form and are left out.
    /// </summary>
    public static JsonObject AnthropicToChatResponse(JsonObject message, string model, long created)
    {
        var text = new StringBuilder();
        var calls = new JsonArray();
        foreach (var block in (message["content"] as JsonArray ?? []).OfType<JsonObject>())
        {
            switch (ChatJson.Text(block["type"]))
            {
                case "text":
                    text.Append(ChatJson.Text(block["text"]));
                    break;
                case "tool_use":
                    calls.Add(ChatToolCall(ChatJson.Text(block["id"]), ChatJson.Text(block["name"]), (block["input"] ?? new JsonObject()).ToJsonString()));
                    break;
            }
        }

        var chatMessage = new JsonObject { ["role"] = "assistant", ["content"] = calls.Count > 0 && text.Length == 0 ? null : text.ToString() };
        if (calls.Count > 0)
        {
            chatMessage["tool_calls"] = calls;
        }

        return new JsonObject
        {
            ["id"] = AnthropicIds.ChatFromMessage(ChatJson.Text(message["id"])),
            ["object"] = "chat.completion",
            ["created"] = created,
            ["model"] = model,
            ["system_fingerprint"] = SystemFingerprint,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = chatMessage,
                ["logprobs"] = null,
                ["finish_reason"] = AnthropicStopReasons.ToFinishReason(ChatJson.Text(message["stop_reason"])),
            }),
            ["usage"] = ChatUsage(message["usage"] as JsonObject),
        };
    }

    internal static JsonObject ChatUsage(JsonObject? usage) => AnthropicUsage.ToChat(
        ChatJson.Int(usage?["input_tokens"]),
        ChatJson.Int(usage?["cache_creation_input_tokens"]),
        ChatJson.Int(usage?["cache_read_input_tokens"]),
        ChatJson.Int(usage?["output_tokens"]));

    internal static JsonObject ChatToolCall(string? id, string? name, string arguments) => new()
    {
        ["id"] = id,
        ["type"] = "function",
        ["function"] = new JsonObject { ["name"] = name, ["arguments"] = arguments },
    };
}
