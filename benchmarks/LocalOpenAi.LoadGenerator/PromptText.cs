using System.Globalization;
using System.Text;

namespace LocalOpenAi.LoadGenerator;

/// <summary>
/// Deterministic filler text whose length in tokens is close to its length in words: common short
/// English words, each one token (with its leading space) in the synthetic models' vocabulary and in
/// those of the usual Llama-family models.
/// </summary>
internal static class PromptText
{
    private static readonly string[] Words =
    [
        "the", "time", "people", "way", "water", "world", "house", "light", "city", "story",
        "night", "school", "friend", "family", "small", "large", "early", "late", "old", "new",
        "read", "write", "open", "close", "find", "day", "year", "man", "work", "life",
        "hand", "part", "place", "case", "point", "number", "home", "side", "long", "great",
        "little", "good", "first", "last", "back",
    ];

    /// <summary>A system prompt of about <paramref name="tokens"/> tokens, the same every call.</summary>
    public static string SharedSystemPrompt(int tokens)
    {
        const string Preamble = "You are a helpful assistant. Read the notes below and answer briefly.";
        return Preamble + " Notes:" + Filler(seed: 0, Math.Max(0, tokens - 16));
    }

    /// <summary>A user message of about <paramref name="words"/> words that differs for every request index.</summary>
    public static string UserMessage(int requestIndex, int words)
    {
        var lead = string.Create(CultureInfo.InvariantCulture, $"Request {requestIndex}: tell a story about");
        var remaining = Math.Max(1, words - 6);
        return lead + Filler(seed: requestIndex + 1, remaining) + ".";
    }

    private static string Filler(int seed, int count)
    {
        var text = new StringBuilder(count * 7);
        var state = (uint)seed * 2654435761u + 12345u;
        for (var i = 0; i < count; i++)
        {
            state = state * 1664525u + 1013904223u;
            text.Append(' ').Append(Words[(state >> 16) % (uint)Words.Length]);
        }

        return text.ToString();
    }
}
