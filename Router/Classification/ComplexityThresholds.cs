namespace LocalOpenAi.Router.Classification;

/// <summary>The scores at which a request becomes moderate and complex.</summary>
/// <param name="Moderate">Scores at or above this are at least moderate.</param>
/// <param name="Complex">Scores at or above this are complex.</param>
public sealed record ComplexityThresholds(double Moderate, double Complex)
{
    /// <summary>The class a score falls into.</summary>
    public Complexity Classify(double score) =>
        score >= Complex ? Complexity.Complex
        : score >= Moderate ? Complexity.Moderate
        : Complexity.Simple;
}
