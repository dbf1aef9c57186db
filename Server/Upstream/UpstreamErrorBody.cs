using System.Text.Json;
using System.Text.RegularExpressions;
using LocalOpenAi.Server.Errors;

namespace LocalOpenAi.Server.Upstream;

/// <summary>
/// An upstream error answer as our client gets it: its status, type, code and param kept, its message
/// cleaned of our upstream key and of any credential it echoes; never the body verbatim.
/// </summary>
internal static partial class UpstreamErrorBody
{
    private const int MaxMessageLength = 1000;

    public static ErrorResult Clean(int status, ReadOnlySpan<byte> body, IReadOnlyList<string> secrets)
    {
        string? message = null, type = null, code = null, param = null;
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            if (document.RootElement is { ValueKind: JsonValueKind.Object } root
                && root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                message = Text(error, "message");
                type = Text(error, "type");
                code = Text(error, "code");
                param = Text(error, "param");
            }
        }
        catch (JsonException)
        {
        }

        message = Redact(message ?? $"The upstream API answered {status}.", secrets);
        return OpenAiError.Create(status, message, Redact(type ?? OpenAiError.TypeFor(status), secrets), param is null ? null : Redact(param, secrets), code is null ? null : Redact(code, secrets));
    }

    private static string? Text(JsonElement error, string name) => error.TryGetProperty(name, out var value) ? value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    } : null;

    private static string Redact(string text, IReadOnlyList<string> secrets)
    {
        foreach (var secret in secrets)
        {
            text = text.Replace(secret, "[redacted]", StringComparison.Ordinal);
        }

        text = Credentials().Replace(text, "[redacted]");
        return text.Length > MaxMessageLength ? text[..MaxMessageLength] + "…" : text;
    }

    /// <summary>An Authorization-style credential: a scheme word followed by a token, or an <c>sk-</c> style key.</summary>
    [GeneratedRegex(@"(?i)\b(?:bearer|basic|x-api-key:?|api[-_]?key[""']?\s*[:=]\s*[""']?)\s*[A-Za-z0-9._~+/=-]{6,}|\bsk-[A-Za-z0-9._-]{6,}")]
    private static partial Regex Credentials();
}
