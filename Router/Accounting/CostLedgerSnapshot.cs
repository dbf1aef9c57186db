namespace LocalOpenAi.Router.Accounting;

/// <summary>The ledger's totals at one moment, for <c>/router/status</c> and metrics.</summary>
/// <param name="LocalRoutes">Decisions that chose the local model.</param>
/// <param name="CloudRoutes">Decisions that chose the upstream API.</param>
/// <param name="HybridRoutes">Decisions that chose local-then-cloud.</param>
/// <param name="LocalAnswers">Answers produced by the local model.</param>
/// <param name="CachedAnswers">Answers served from the cache.</param>
/// <param name="CloudAnswers">Answers produced upstream.</param>
/// <param name="CostAvoidedUsd">What the local and cached answers would have cost at the reference model's price.</param>
/// <param name="CloudSpendUsd">What the upstream answers cost at their models' prices.</param>
/// <param name="ReferenceModel">The upstream model that prices <paramref name="CostAvoidedUsd"/>.</param>
public sealed record CostLedgerSnapshot(
    long LocalRoutes,
    long CloudRoutes,
    long HybridRoutes,
    long LocalAnswers,
    long CachedAnswers,
    long CloudAnswers,
    decimal CostAvoidedUsd,
    decimal CloudSpendUsd,
    string ReferenceModel);
