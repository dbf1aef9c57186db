namespace LocalOpenAi.Router.Classification;

/// <summary>Where the classifier draws its lines on the model's probabilities.</summary>
/// <param name="Moderate">A request not complex is moderate when P(moderate) + P(complex) reaches this.</param>
/// <param name="Complex">A request is complex when its score, P(complex) plus any agent bias, reaches this.</param>
public sealed record ComplexityThresholds(double Moderate, double Complex)
{
    /// <summary>The class for a score (P(complex) plus bias) and the probability that the request is not simple.</summary>
    public Complexity Classify(double score, double notSimple) =>
        score >= Complex ? Complexity.Complex
        : notSimple >= Moderate ? Complexity.Moderate
        : Complexity.Simple;
}
