using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace LocalOpenAi.Formats.Anthropic;

/// <summary>The outcome of translating a request body: the translated body, or the error that stopped it.</summary>
public sealed record AnthropicTranslation
{
    private AnthropicTranslation(JsonObject? body, AnthropicError? error) => (Body, Error, Succeeded) = (body, error, error is null);

    public JsonObject? Body { get; }

    public AnthropicError? Error { get; }

    [MemberNotNullWhen(true, nameof(Body))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded { get; }

    public static AnthropicTranslation Success(JsonObject body) => new(body, null);

    public static AnthropicTranslation Failure(AnthropicError error) => new(null, error);
}
