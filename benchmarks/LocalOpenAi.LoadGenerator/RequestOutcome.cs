namespace LocalOpenAi.LoadGenerator;

/// <summary>What one streamed request measured; times in milliseconds from sending the request.</summary>
/// <param name="TimeToFirstTokenMs">Until the first non-empty content delta; null if none came.</param>
/// <param name="InterTokenMs">Gaps between consecutive non-empty content deltas.</param>
/// <param name="ContentDeltas">Non-empty content deltas: the token count when the server reports no usage.</param>
internal sealed record RequestOutcome(
    RequestFailure? Failure,
    double LatencyMs,
    double? TimeToFirstTokenMs,
    IReadOnlyList<double> InterTokenMs,
    int ContentDeltas,
    StreamUsage Usage)
{
    public bool Succeeded => Failure is null;

    /// <summary>Completion tokens from <c>usage</c>, or the content deltas where the server sent none.</summary>
    public int CompletionTokens => Usage.CompletionTokens ?? ContentDeltas;
}
