using System.Globalization;
using LocalOpenAi.Router.Calibration;

namespace LocalOpenAi.Router.Classification;

/// <summary>
/// Classifies a request's complexity with a learned linear model over explainable features and hashed text
/// features, and explains the verdict with the features that pushed hardest towards it.
/// </summary>
/// <remarks>
/// Thread-safe; its only state is the per-agent <see cref="Calibration"/> from ratings. Cost does not grow with pasted context: text features read a bounded window of
/// the last user message (see <see cref="RequestFeatures"/>); the benchmark in <c>benchmarks/</c> measures it.
/// </remarks>
public sealed class ComplexityClassifier
{
    private const int ReasonCount = 5;

    private readonly ClassifierOptions _options;

    /// <summary>Creates a classifier over the options' model (the embedded one unless <see cref="ClassifierOptions.ModelPath"/> is set).</summary>
    /// <exception cref="ArgumentException">The options fail <see cref="ClassifierOptions.Validate"/>.</exception>
    public ComplexityClassifier(ClassifierOptions options)
        : this(options, options?.ModelPath is { } path ? ComplexityModel.Load(path) : ComplexityModel.Default)
    {
    }

    /// <summary>Creates a classifier over a given model.</summary>
    /// <exception cref="ArgumentException">The options fail <see cref="ClassifierOptions.Validate"/>.</exception>
    public ComplexityClassifier(ClassifierOptions options, ComplexityModel model)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(model);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        _options = options;
        Model = model;
        Thresholds = new ComplexityThresholds(
            options.ModerateThreshold ?? model.Thresholds.Moderate,
            options.ComplexThreshold ?? model.Thresholds.Complex);
    }

    /// <summary>The options this classifier was built with.</summary>
    public ClassifierOptions Options => _options;

    /// <summary>The model it scores with.</summary>
    public ComplexityModel Model { get; }

    /// <summary>The thresholds in force: the options' where set, else the model's.</summary>
    public ComplexityThresholds Thresholds { get; }

    /// <summary>Scores one request and explains the score.</summary>
    /// <summary>Per-agent shifts learnt from ratings of local answers (<c>/feedback</c>).</summary>
    public FeedbackCalibration Calibration { get; } = new();

    public ClassificationResult Classify(ClassificationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var features = RequestFeatures.Extract(input, _options.CharsPerToken, Model.HashBuckets);
        Span<double> probabilities = stackalloc double[ComplexityModel.Classes];
        Model.Probabilities(features, probabilities);
        var score = probabilities[(int)Complexity.Complex];
        var notSimple = 1 - probabilities[(int)Complexity.Simple];
        var reasons = Explain(features, Thresholds.Classify(score, notSimple));
        if (AgentBias(input.Agent) is { } bias)
        {
            score += bias.Points;
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"agent {bias.Agent} ({bias.Points:+0.0#;-0.0#})"));
        }

        if (Calibration.ShiftOf(input.Agent) is var shift && shift != 0)
        {
            score += shift;
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"agent {input.Agent} ratings ({shift:+0.0##;-0.0##})"));
        }

        score = System.Math.Round(score, 4);
        return new ClassificationResult(Thresholds.Classify(score, notSimple), score, reasons, features.EstimatedTokens);
    }

    private List<string> Explain(FeatureVector features, Complexity complexity)
    {
        var top = new List<(double Contribution, int Position)>(ReasonCount + 1);
        for (var i = 0; i < features.Indices.Length; i++)
        {
            var contribution = Model.Contribution(features.Indices[i], features.Values[i], complexity);
            if (contribution > 0.005 && (top.Count < ReasonCount || contribution > top[^1].Contribution))
            {
                var at = top.FindIndex(entry => entry.Contribution < contribution);
                top.Insert(at < 0 ? top.Count : at, (contribution, i));
                if (top.Count > ReasonCount)
                {
                    top.RemoveAt(ReasonCount);
                }
            }
        }

        var complexityName = complexity.ToString().ToLowerInvariant();
        return [.. top.Select(entry => string.Create(
            CultureInfo.InvariantCulture, $"{features.Describe(entry.Position)} ({complexityName} +{entry.Contribution:0.00})"))];
    }

    private (string Agent, double Points)? AgentBias(string? agent)
    {
        if (string.IsNullOrWhiteSpace(agent) || _options.AgentBias.Count == 0)
        {
            return null;
        }

        if (_options.AgentBias.TryGetValue(agent, out var exact))
        {
            return (agent, exact);
        }

        foreach (var (pattern, points) in _options.AgentBias)
        {
            if (GlobPattern.IsMatch(pattern, agent))
            {
                return (agent, points);
            }
        }

        return null;
    }
}
