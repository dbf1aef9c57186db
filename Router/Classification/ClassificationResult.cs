namespace LocalOpenAi.Router.Classification;

/// <summary>The classifier's verdict with the evidence behind it.</summary>
/// <param name="Complexity">The class the score falls into.</param>
/// <param name="Score">The sum of the feature points.</param>
/// <param name="Reasons">One line per feature that fired, e.g. <c>code request (+2.5)</c>.</param>
/// <param name="EstimatedTokens">Prompt tokens estimated from characters.</param>
public sealed record ClassificationResult(
    Complexity Complexity,
    double Score,
    IReadOnlyList<string> Reasons,
    int EstimatedTokens);
