using System.Text.Json;

namespace LocalOpenAi.Server.Upstream;

/// <summary>Whether a 2xx body is an answer at all: a JSON object (an HTML page or a truncated body is an upstream failure, never relayed or cached).</summary>
internal static class UpstreamBodyCheck
{
    public static bool IsJsonObject(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
