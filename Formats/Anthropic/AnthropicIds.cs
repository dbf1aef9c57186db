using System.Security.Cryptography;

namespace LocalOpenAi.Formats.Anthropic;

/// <summary>Ids in Anthropic's style (<c>msg_…</c>, <c>toolu_…</c>), sharing the request id with the chat id (<c>chatcmpl-…</c>).</summary>
internal static class AnthropicIds
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const string ChatPrefix = "chatcmpl-";
    private const string MessagePrefix = "msg_";

    /// <summary>The message id for a chat completion's id: the same suffix behind <c>msg_</c>.</summary>
    public static string MessageFromChat(string? chatId) =>
        MessagePrefix + (chatId is null ? Random() : chatId.StartsWith(ChatPrefix, StringComparison.Ordinal) ? chatId[ChatPrefix.Length..] : chatId);

    /// <summary>The chat completion id for a message id: the same suffix behind <c>chatcmpl-</c>.</summary>
    public static string ChatFromMessage(string? messageId) =>
        ChatPrefix + (messageId is null ? Random() : messageId.StartsWith(MessagePrefix, StringComparison.Ordinal) ? messageId[MessagePrefix.Length..] : messageId);

    public static string NewToolUse() => "toolu_" + Random();

    private static string Random() => RandomNumberGenerator.GetString(Alphabet, 24);
}
