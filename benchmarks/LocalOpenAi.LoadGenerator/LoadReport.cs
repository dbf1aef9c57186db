namespace LocalOpenAi.LoadGenerator;

/// <summary>The machine-readable result of one run (<c>--json-out</c>), and the input of <c>compare</c>.</summary>
internal sealed record LoadReport(
    string? Label,
    string BaseUrl,
    string Model,
    int MaxTokens,
    int PromptWords,
    int SystemPromptChars,
    bool IgnoreEos,
    DateTimeOffset StartedAt,
    IReadOnlyList<LevelSummary> Levels);
