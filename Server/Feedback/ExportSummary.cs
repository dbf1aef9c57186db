namespace LocalOpenAi.Server.Feedback;

/// <summary>What an export did with the feedback file.</summary>
/// <param name="Rated">Distinct rated requests (the last rating of each counts).</param>
/// <param name="Unreadable">Lines that were not feedback records (e.g. torn by a crash).</param>
/// <param name="BelowThreshold">Requests rated below the minimum.</param>
/// <param name="WithoutExchange">Well-rated requests skipped for want of a usable recorded exchange.</param>
/// <param name="Exported">Examples written.</param>
internal sealed record ExportSummary(int Rated, int Unreadable, int BelowThreshold, int WithoutExchange, int Exported);
