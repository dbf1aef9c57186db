using System.Text.Json;
using LocalOpenAi.Formats.OpenAi;
using LocalOpenAi.Router.Classification;

namespace LocalOpenAi.Router.Calibration;

/// <summary>
/// Reads traffic samples as JSONL, one request per line:
/// <c>{"prompt": "..." | "messages": [{"role","content"}], "tools"?: [...], "max_tokens"?: n,
/// "response_format"?: {...}, "agent"?: "...", "label"?: "simple|moderate|complex", "split"?: "train|test", "template"?: "...", "domain"?: "..."}</c>.
/// </summary>
public static class TrafficSampleReader
{
    /// <summary>Reads every non-blank line.</summary>
    /// <exception cref="FormatException">A line is not a valid sample; the message names the line.</exception>
    public static IReadOnlyList<TrafficSample> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var samples = new List<TrafficSample>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                samples.Add(Parse(number, document.RootElement));
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
            {
                throw new FormatException($"Line {number}: {ex.Message}", ex);
            }
        }

        return samples;
    }

    /// <summary>Reads a file.</summary>
    public static IReadOnlyList<TrafficSample> ReadFile(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader);
    }

    private static TrafficSample Parse(int line, JsonElement root)
    {
        IReadOnlyList<ChatMessage> messages = root.TryGetProperty("messages", out var list)
            ? [.. list.EnumerateArray().Select(ParseMessage)]
            : root.TryGetProperty("prompt", out var prompt)
                ? [new ChatMessage { Role = "user", Content = prompt.GetString() }]
                : throw new FormatException("a sample needs \"prompt\" or \"messages\".");
        var tools = root.TryGetProperty("tools", out var toolList) && toolList.ValueKind == JsonValueKind.Array
            ? toolList.GetArrayLength()
            : 0;
        int? maxTokens = root.TryGetProperty("max_tokens", out var max) ? max.GetInt32()
            : root.TryGetProperty("max_completion_tokens", out var maxCompletion) ? maxCompletion.GetInt32()
            : null;
        var structured = root.TryGetProperty("response_format", out var format)
            ? ClassificationInput.ReadStructuredOutput(format)
            : StructuredOutput.None;
        var agent = Text(root, "agent") ?? Text(root, "user");
        Complexity? label = Text(root, "label") switch
        {
            null => null,
            "simple" => Complexity.Simple,
            "moderate" => Complexity.Moderate,
            "complex" => Complexity.Complex,
            var other => throw new FormatException($"label '{other}' is not simple, moderate or complex."),
        };
        return new TrafficSample(line, new ClassificationInput(messages, tools, maxTokens, structured, agent), label, Text(root, "split"), Text(root, "template"), Text(root, "domain"));
    }

    private static ChatMessage ParseMessage(JsonElement message)
    {
        var content = message.TryGetProperty("content", out var value) ? value : default;
        var text = content.ValueKind switch
        {
            JsonValueKind.String => content.GetString(),
            JsonValueKind.Array => string.Concat(content.EnumerateArray()
                .Select(part => part.TryGetProperty("text", out var t) ? t.GetString() : null)),
            _ => null,
        };
        return new ChatMessage { Role = Text(message, "role") ?? "user", Content = text };
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
