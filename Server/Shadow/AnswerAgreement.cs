using System.Text.Json;

namespace LocalOpenAi.Server.Shadow;

/// <summary>
/// Whether two answers to one request agree: the same tool called, or (for text) at least half of the words in
/// common (Jaccard over lower-cased words). Rough by design: a rate to watch over many requests, not a grade.
/// </summary>
internal static class AnswerAgreement
{
    private const double MinimumWordOverlap = 0.5;

    public static bool Agree(JsonElement local, JsonElement cloud)
    {
        var (localText, localTool) = Read(local);
        var (cloudText, cloudTool) = Read(cloud);
        if (localTool is not null || cloudTool is not null)
        {
            return string.Equals(localTool, cloudTool, StringComparison.Ordinal);
        }

        var a = Words(localText);
        var b = Words(cloudText);
        return a.Count + b.Count == 0 || (double)a.Intersect(b).Count() / a.Union(b).Count() >= MinimumWordOverlap;
    }

    private static (string Text, string? Tool) Read(JsonElement answer)
    {
        if (!answer.TryGetProperty("choices", out var choices) || choices.ValueKind != JsonValueKind.Array || choices.GetArrayLength() == 0)
        {
            return (string.Empty, null);
        }

        var choice = choices[0];
        if (choice.TryGetProperty("message", out var message))
        {
            var tool = message.TryGetProperty("tool_calls", out var calls) && calls.ValueKind == JsonValueKind.Array && calls.GetArrayLength() > 0
                && calls[0].TryGetProperty("function", out var function) && function.TryGetProperty("name", out var name) ? name.GetString() : null;
            var text = message.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String ? content.GetString()! : string.Empty;
            return (text, tool);
        }

        return (choice.TryGetProperty("text", out var legacy) && legacy.ValueKind == JsonValueKind.String ? legacy.GetString()! : string.Empty, null);
    }

    private static HashSet<string> Words(string text) =>
        [.. text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(word => word.Trim('.', ',', '!', '?', ';', ':').ToLowerInvariant()).Where(word => word.Length > 0)];
}
