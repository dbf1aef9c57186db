using System.Security.Cryptography;

namespace LocalOpenAi.Formats.Tools;

/// <summary>OpenAI-style tool call ids: <c>call_</c> and 24 random alphanumerics.</summary>
public static class ToolCallIds
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public static string New() => "call_" + RandomNumberGenerator.GetString(Alphabet, 24);
}
