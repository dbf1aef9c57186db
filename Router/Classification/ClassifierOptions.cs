namespace LocalOpenAi.Router.Classification;

/// <summary>How the complexity classifier is loaded and where it draws its lines (section <c>Router:Classifier</c>).</summary>
/// <remarks>
/// The weights live in a model file written by <c>train-router</c>; the one trained on the repository's corpus
/// (<c>Router/Corpus</c>) is embedded and used unless <see cref="ModelPath"/> names another. The thresholds
/// default to the ones tuned with the model; <c>calibrate-router</c> recomputes them for an operator's traffic.
/// </remarks>
public sealed class ClassifierOptions
{
    /// <summary>A model file written by <c>train-router</c>; null for the embedded model.</summary>
    public string? ModelPath { get; set; }

    /// <summary>A request not complex is moderate when P(moderate) + P(complex) reaches this; null for the model's own threshold.</summary>
    public double? ModerateThreshold { get; set; }

    /// <summary>A request is complex when its score, P(complex) plus any agent bias, reaches this; null for the model's own threshold.</summary>
    public double? ComplexThreshold { get; set; }

    /// <summary>Characters per token for the tokenizer-free estimate.</summary>
    public double CharsPerToken { get; set; } = RequestFeatures.DefaultCharsPerToken;

    /// <summary>Added to the score (P(complex), 0 to 1) per agent; keys are agent names or globs such as <c>analyst-*</c>.</summary>
    public Dictionary<string, double> AgentBias { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every problem with these options; empty when they are valid.</summary>
    public IReadOnlyList<string> Validate(string prefix = "Router:Classifier")
    {
        var errors = new List<string>();
        // Thresholds compare with probabilities (0 to 1); beyond that range they mean "never" or "always",
        // which calibrate-router writes for a cloud share of 0 or 1.
        if (ModerateThreshold is { } moderate && !double.IsFinite(moderate))
        {
            errors.Add($"{prefix}:ModerateThreshold must be a finite number.");
        }

        if (ComplexThreshold is { } complex && !double.IsFinite(complex))
        {
            errors.Add($"{prefix}:ComplexThreshold must be a finite number.");
        }

        if (!(CharsPerToken > 0))
        {
            errors.Add($"{prefix}:CharsPerToken must be positive.");
        }

        if (ModelPath is not null && !File.Exists(ModelPath))
        {
            errors.Add($"{prefix}:ModelPath '{ModelPath}' does not exist.");
        }

        if (AgentBias.Values.Any(w => !double.IsFinite(w)))
        {
            errors.Add($"{prefix}:AgentBias values must be finite numbers.");
        }

        if (AgentBias.Keys.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add($"{prefix}:AgentBias has an empty agent name.");
        }

        return errors;
    }

    /// <summary>A copy of these options with other thresholds (e.g. from calibration).</summary>
    public ClassifierOptions WithThresholds(ComplexityThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        var copy = (ClassifierOptions)MemberwiseClone();
        copy.AgentBias = new Dictionary<string, double>(AgentBias, StringComparer.OrdinalIgnoreCase);
        copy.ModerateThreshold = thresholds.Moderate;
        copy.ComplexThreshold = thresholds.Complex;
        return copy;
    }
}
