using LocalOpenAi.Router.Routing;

namespace LocalOpenAi.Router.Accounting;

/// <summary>Counts route decisions and answers, and adds up the cloud cost avoided and spent.</summary>
/// <remarks>
/// Thread-safe and lock-free: counters are updated with <see cref="Interlocked"/>, money is kept in
/// nano-dollars so that it can be added atomically too.
/// </remarks>
public sealed class CostLedger
{
    private const decimal NanosPerUsd = 1_000_000_000m;

    private readonly IReadOnlyDictionary<string, ModelPrice> _prices;
    private readonly ModelPrice _reference;
    private readonly string _referenceModel;
    private readonly long[] _routes = new long[3];
    private readonly long[] _answers = new long[3];
    private long _avoidedNanos;
    private long _spentNanos;

    /// <summary>Creates a ledger priced by the options' price table and reference model.</summary>
    /// <exception cref="ArgumentException">The reference model has no price.</exception>
    public CostLedger(RouterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _prices = new Dictionary<string, ModelPrice>(options.Prices, StringComparer.OrdinalIgnoreCase);
        _referenceModel = options.ReferenceModel;
        _reference = _prices.TryGetValue(options.ReferenceModel, out var price)
            ? price
            : throw new ArgumentException($"Reference model '{options.ReferenceModel}' has no price.", nameof(options));
    }

    /// <summary>Counts one routing decision.</summary>
    public void RecordDecision(RouteTarget route) => Interlocked.Increment(ref _routes[Index(route)]);

    /// <summary>Counts one answer and prices it.</summary>
    /// <param name="source">What produced the answer.</param>
    /// <param name="promptTokens">Prompt tokens of the request.</param>
    /// <param name="completionTokens">Tokens of the answer.</param>
    /// <param name="upstreamModel">For <see cref="AnswerSource.Cloud"/>: the model called; unpriced models cost nothing here.</param>
    /// <returns>The USD this answer added: avoided cost for local and cached answers, spend for cloud ones.</returns>
    public decimal RecordAnswer(AnswerSource source, int promptTokens, int completionTokens, string? upstreamModel = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(promptTokens);
        ArgumentOutOfRangeException.ThrowIfNegative(completionTokens);
        Interlocked.Increment(ref _answers[Index(source)]);
        if (source == AnswerSource.Cloud)
        {
            var spent = upstreamModel is not null && _prices.TryGetValue(upstreamModel, out var price)
                ? price.Cost(promptTokens, completionTokens)
                : 0m;
            Interlocked.Add(ref _spentNanos, ToNanos(spent));
            return spent;
        }

        var avoided = _reference.Cost(promptTokens, completionTokens);
        Interlocked.Add(ref _avoidedNanos, ToNanos(avoided));
        return avoided;
    }

    /// <summary>The totals now.</summary>
    public CostLedgerSnapshot Snapshot() => new(
        Volatile.Read(ref _routes[(int)RouteTarget.Local]),
        Volatile.Read(ref _routes[(int)RouteTarget.Cloud]),
        Volatile.Read(ref _routes[(int)RouteTarget.Hybrid]),
        Volatile.Read(ref _answers[(int)AnswerSource.Local]),
        Volatile.Read(ref _answers[(int)AnswerSource.Cache]),
        Volatile.Read(ref _answers[(int)AnswerSource.Cloud]),
        Interlocked.Read(ref _avoidedNanos) / NanosPerUsd,
        Interlocked.Read(ref _spentNanos) / NanosPerUsd,
        _referenceModel);

    private static int Index(RouteTarget route) =>
        Enum.IsDefined(route) ? (int)route : throw new ArgumentOutOfRangeException(nameof(route), route, null);

    private static int Index(AnswerSource source) =>
        Enum.IsDefined(source) ? (int)source : throw new ArgumentOutOfRangeException(nameof(source), source, null);

    private static long ToNanos(decimal usd) => (long)decimal.Round(usd * NanosPerUsd);
}
