using System.Text.Json;

namespace LocalOpenAi.Server.Feedback;

/// <summary>One line of the feedback file.</summary>
/// <param name="Time">When the feedback was received.</param>
/// <param name="RequestId">The rated request.</param>
/// <param name="Rating">1 (bad) to 5 (good).</param>
/// <param name="Comment">Free text from the user.</param>
/// <param name="UserId">Who rated, as the client names them.</param>
/// <param name="Request">The rated request's body, when the exchange was still remembered.</param>
/// <param name="Response">The rated response's body, likewise.</param>
internal sealed record FeedbackRecord(
    DateTimeOffset Time,
    string RequestId,
    int Rating,
    string? Comment,
    string? UserId,
    JsonElement? Request,
    JsonElement? Response)
{
    /// <summary>Whether the rated exchange is embedded.</summary>
    public bool HasExchange => Request is { ValueKind: JsonValueKind.Object } && Response is { ValueKind: JsonValueKind.Object };
}
