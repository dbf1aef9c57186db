using System.Text.Json;
using LocalOpenAi.Formats.Grammar;

namespace LocalOpenAi.Router.Cascade;

/// <summary>
/// The checks a local answer must pass under <c>local_first</c> before it is sent; a failed one names why the
/// request goes to the cloud instead. They read a whole <c>chat.completion</c> or <c>text_completion</c>.
/// </summary>
/// <remarks>
/// Only checks that need no second opinion: the shape asked for (JSON, a schema, a tool call with JSON
/// arguments), an answer cut off at the token limit, an empty answer, or text that mostly repeats itself.
/// </remarks>
public static class LocalAnswerCheck
{
    public const string InvalidJson = "invalid_json";
    public const string InvalidToolCall = "invalid_tool_call";
    public const string Length = "length";
    public const string Empty = "empty";
    public const string Repetitive = "repetitive";

    /// <summary>Words at least, before repetition is judged.</summary>
    private const int MinimumWordsForRepetition = 12;

    /// <summary>Below this share of distinct words among all words the text is repetitive.</summary>
    private const double MinimumDistinctShare = 0.3;

    /// <summary>The reason the answer fails, or null when it passes (and for answers that are not chat or text completions).</summary>
    public static string? Failure(ReadOnlySpan<byte> answer, AnswerExpectations expectations)
    {
        using var document = JsonDocument.Parse(answer.ToArray());
        if (!document.RootElement.TryGetProperty("choices", out var choices) || choices.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var choice in choices.EnumerateArray())
        {
            if (ChoiceFailure(choice, expectations) is { } reason)
            {
                return reason;
            }
        }

        return null;
    }

    private static string? ChoiceFailure(JsonElement choice, AnswerExpectations expectations)
    {
        var message = choice.TryGetProperty("message", out var chat) ? chat : (JsonElement?)null;
        var text = message is { } m && m.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String ? content.GetString()
            : choice.TryGetProperty("text", out var legacy) && legacy.ValueKind == JsonValueKind.String ? legacy.GetString()
            : null;
        var calls = message is { } withCalls && withCalls.TryGetProperty("tool_calls", out var list) && list.ValueKind == JsonValueKind.Array ? list : (JsonElement?)null;
        if (expectations.ToolCall)
        {
            return calls is { } toolCalls && toolCalls.GetArrayLength() > 0 && toolCalls.EnumerateArray().All(HasJsonArguments) ? null : InvalidToolCall;
        }

        if (choice.TryGetProperty("finish_reason", out var finish) && finish.ValueKind == JsonValueKind.String && finish.GetString() == "length")
        {
            return Length;
        }

        if (calls is { } anyCalls && anyCalls.GetArrayLength() > 0)
        {
            return anyCalls.EnumerateArray().All(HasJsonArguments) ? null : InvalidToolCall;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return Empty;
        }

        if (expectations.Json)
        {
            return IsValidJson(text, expectations.Schema) ? null : InvalidJson;
        }

        return IsRepetitive(text) ? Repetitive : null;
    }

    private static bool HasJsonArguments(JsonElement call) =>
        call.TryGetProperty("function", out var function) && function.TryGetProperty("arguments", out var arguments)
        && arguments.ValueKind == JsonValueKind.String && IsValidJson(arguments.GetString()!, schema: null);

    private static bool IsValidJson(string text, JsonElement? schema)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return schema is not { } shape || JsonSchemaValidator.Validate(shape, document.RootElement).IsValid;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool IsRepetitive(string text)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length >= MinimumWordsForRepetition
            && words.Distinct(StringComparer.OrdinalIgnoreCase).Count() < words.Length * MinimumDistinctShare;
    }
}
