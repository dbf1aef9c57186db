namespace LocalOpenAi.Router.Classification;

/// <summary>The classifier's verdict with the evidence behind it.</summary>
/// <param name="Complexity">The class the score falls into.</param>
/// <param name="Score">The model's probability that the request is complex, plus any agent bias.</param>
/// <param name="Reasons">The features that pushed hardest towards the verdict, e.g. <c>code request (complex +1.20)</c>.</param>
/// <param name="EstimatedTokens">Prompt tokens estimated from characters.</param>
public sealed record ClassificationResult(
    Complexity Complexity,
    double Score,
    IReadOnlyList<string> Reasons,
    int EstimatedTokens);
