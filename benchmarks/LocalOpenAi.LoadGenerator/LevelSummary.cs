namespace LocalOpenAi.LoadGenerator;

/// <summary>The figures of one concurrency level of a load run.</summary>
/// <param name="Errors">Failed requests by <see cref="RequestFailure.Key"/>; <c>not_started</c> counts those the deadline cut off.</param>
/// <param name="ErrorExamples">The detail of the first failure of each kind that has one.</param>
/// <param name="TokensFromUsage">Whether every successful request reported <c>usage</c> (otherwise content deltas were counted).</param>
/// <param name="CompletionTokensPerSecond">Completion tokens of the successful requests over the level's wall time.</param>
/// <param name="CachedPromptTokens">Sum of <c>usage.prompt_tokens_details.cached_tokens</c>, null when no request reported it.</param>
/// <param name="PromptEvaluated">Sum of llama-server's <c>timings.prompt_n</c>, null when no request reported it.</param>
/// <param name="PromptReused">Sum of llama-server's <c>timings.cache_n</c>, null when no request reported it.</param>
internal sealed record LevelSummary(
    int Concurrency,
    int Requests,
    int Succeeded,
    IReadOnlyDictionary<string, int> Errors,
    IReadOnlyDictionary<string, string> ErrorExamples,
    double WallSeconds,
    long CompletionTokens,
    bool TokensFromUsage,
    double CompletionTokensPerSecond,
    Distribution? TimeToFirstTokenMs,
    Distribution? InterTokenMs,
    Distribution? LatencyMs,
    long? PromptTokens,
    long? CachedPromptTokens,
    long? PromptEvaluated,
    long? PromptReused)
{
    /// <summary>Prompt tokens the server computed: reported minus cached, or llama-server's <c>prompt_n</c>.</summary>
    public long? PromptComputed => PromptTokens is { } total && CachedPromptTokens is { } cached ? total - cached : PromptEvaluated;

    /// <summary>Prompt tokens the server took from its cache.</summary>
    public long? PromptCached => CachedPromptTokens ?? PromptReused;

    public static LevelSummary From(int concurrency, IReadOnlyList<RequestOutcome?> outcomes, TimeSpan wall)
    {
        var succeeded = outcomes.OfType<RequestOutcome>().Where(outcome => outcome.Succeeded).ToList();
        var errors = outcomes
            .Where(outcome => outcome is not { Succeeded: true })
            .GroupBy(outcome => outcome?.Failure?.Key ?? "not_started")
            .ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
        var examples = outcomes
            .Select(outcome => outcome?.Failure)
            .OfType<RequestFailure>()
            .Where(failure => failure.Detail is not null)
            .GroupBy(failure => failure.Key)
            .ToDictionary(group => group.Key, group => group.First().Detail!, StringComparer.Ordinal);
        var completionTokens = succeeded.Sum(outcome => (long)outcome.CompletionTokens);
        return new LevelSummary(
            concurrency,
            outcomes.Count,
            succeeded.Count,
            errors,
            examples,
            wall.TotalSeconds,
            completionTokens,
            succeeded.Count > 0 && succeeded.All(outcome => outcome.Usage.CompletionTokens is not null),
            wall > TimeSpan.Zero ? completionTokens / wall.TotalSeconds : 0,
            Distribution.From(succeeded.Where(outcome => outcome.TimeToFirstTokenMs is not null).Select(outcome => outcome.TimeToFirstTokenMs!.Value)),
            Distribution.From(succeeded.SelectMany(outcome => outcome.InterTokenMs)),
            Distribution.From(succeeded.Select(outcome => outcome.LatencyMs)),
            SumReported(succeeded, usage => usage.PromptTokens),
            SumReported(succeeded, usage => usage.CachedPromptTokens),
            SumReported(succeeded, usage => usage.PromptEvaluated),
            SumReported(succeeded, usage => usage.PromptReused));
    }

    private static long? SumReported(IEnumerable<RequestOutcome> outcomes, Func<StreamUsage, int?> field)
    {
        var reported = outcomes.Select(outcome => field(outcome.Usage)).OfType<int>().ToList();
        return reported.Count == 0 ? null : reported.Sum(value => (long)value);
    }
}
