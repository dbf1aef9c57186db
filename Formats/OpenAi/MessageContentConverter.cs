using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LocalOpenAi.Formats.OpenAi;

/// <summary>Reads message content given as a string or as an array of <c>{"type":"text","text":...}</c> parts.</summary>
public sealed class MessageContentConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.StartArray:
                return ReadParts(ref reader);
            default:
                throw new JsonException("'content' must be a string or an array of text parts.");
        }
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    private static string ReadParts(ref Utf8JsonReader reader)
    {
        var text = new StringBuilder();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                text.Append(reader.GetString());
                continue;
            }

            using var part = JsonDocument.ParseValue(ref reader);
            if (part.RootElement.ValueKind != JsonValueKind.Object
                || !part.RootElement.TryGetProperty("type", out var type)
                || type.ValueKind != JsonValueKind.String)
            {
                throw new JsonException("Each content part must be an object with a 'type'.");
            }

            if (type.GetString() != "text" || !part.RootElement.TryGetProperty("text", out var partText) || partText.ValueKind != JsonValueKind.String)
            {
                throw new JsonException($"Content parts of type '{type.GetString()}' are not supported; only 'text' parts are.");
            }

            text.Append(partText.GetString());
        }

        return text.ToString();
    }
}
