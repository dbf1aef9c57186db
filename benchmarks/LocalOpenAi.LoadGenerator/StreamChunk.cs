using System.Text.Json;

namespace LocalOpenAi.LoadGenerator;

/// <summary>The parts of one <c>chat.completion.chunk</c> event that a load run measures.</summary>
/// <param name="Content">The text of the first choice's delta, null when the chunk carries none.</param>
/// <param name="Error">The message of an <c>error</c> object sent inside the stream.</param>
internal sealed record StreamChunk(string? Content, string? Error, StreamUsage Usage)
{
    public static StreamChunk Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new StreamChunk(null, "event is not a JSON object", StreamUsage.None);
        }

        if (root.TryGetProperty("error", out var error))
        {
            var message = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var text) ? text.ToString() : error.ToString();
            return new StreamChunk(null, message, StreamUsage.None);
        }

        return new StreamChunk(ReadContent(root), null, ReadUsage(root));
    }

    private static string? ReadContent(JsonElement root)
    {
        if (!root.TryGetProperty("choices", out var choices) || choices.ValueKind != JsonValueKind.Array || choices.GetArrayLength() == 0)
        {
            return null;
        }

        var choice = choices[0];
        return choice.TryGetProperty("delta", out var delta) && delta.ValueKind == JsonValueKind.Object
            && delta.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String
            ? content.GetString()
            : null;
    }

    private static StreamUsage ReadUsage(JsonElement root)
    {
        int? completion = null, prompt = null, cached = null, evaluated = null, reused = null;
        if (root.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object)
        {
            completion = Int(usage, "completion_tokens");
            prompt = Int(usage, "prompt_tokens");
            if (usage.TryGetProperty("prompt_tokens_details", out var details) && details.ValueKind == JsonValueKind.Object)
            {
                cached = Int(details, "cached_tokens");
            }
        }

        if (root.TryGetProperty("timings", out var timings) && timings.ValueKind == JsonValueKind.Object)
        {
            evaluated = Int(timings, "prompt_n");
            reused = Int(timings, "cache_n");
        }

        return new StreamUsage(completion, prompt, cached, evaluated, reused);
    }

    private static int? Int(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;
}
