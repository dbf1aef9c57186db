using System.Text.Json;
using System.Text.Json.Serialization;

namespace LocalOpenAi.Formats.OpenAi;

/// <summary>Reads OpenAI's four prompt shapes: <c>"text"</c>, <c>["a","b"]</c>, <c>[1,2,3]</c>, <c>[[1,2],[3]]</c>.</summary>
public sealed class PromptInputConverter : JsonConverter<IReadOnlyList<PromptInput>?>
{
    private const string Shape = "'prompt' must be a string, an array of strings, an array of token ids, or an array of token-id arrays.";

    public override IReadOnlyList<PromptInput>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return [new PromptInput(reader.GetString(), null)];
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException(Shape);
        }

        var prompts = new List<PromptInput>();
        List<int>? tokens = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String when tokens is null:
                    prompts.Add(new PromptInput(reader.GetString(), null));
                    break;
                case JsonTokenType.Number when prompts.Count == 0:
                    (tokens ??= []).Add(ReadToken(ref reader));
                    break;
                case JsonTokenType.StartArray when tokens is null:
                    prompts.Add(new PromptInput(null, ReadTokenArray(ref reader)));
                    break;
                default:
                    throw new JsonException(Shape);
            }
        }

        return tokens is null ? prompts : [new PromptInput(null, tokens)];
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<PromptInput>? value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Prompts are only read.");

    private static List<int> ReadTokenArray(ref Utf8JsonReader reader)
    {
        var tokens = new List<int>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            tokens.Add(reader.TokenType == JsonTokenType.Number ? ReadToken(ref reader) : throw new JsonException(Shape));
        }

        return tokens;
    }

    private static int ReadToken(ref Utf8JsonReader reader) =>
        reader.TryGetInt32(out var token) && token >= 0 ? token : throw new JsonException("Token ids must be non-negative integers.");
}
