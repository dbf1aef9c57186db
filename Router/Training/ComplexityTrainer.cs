using LocalOpenAi.Router.Calibration;
using LocalOpenAi.Router.Classification;

namespace LocalOpenAi.Router.Training;

/// <summary>Trains the complexity model on a corpus's train split: cross-validates to choose thresholds, then fits on all of it.</summary>
public static class ComplexityTrainer
{
    private const double GroupWeightExponent = 0.5;

    /// <summary>
    /// Out-of-fold scores for every sample, held out the way the frozen test split is: each fold's model never saw
    /// the sample's template, and with <see cref="TrainerOptions.HoldOutDomains"/> about one domain in ten is also
    /// held out whole in each fold, its requests scored by a model that saw none of them.
    /// </summary>
    public static IReadOnlyList<HeldOutPrediction> CrossValidate(IReadOnlyList<TrafficSample> samples, TrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(options);
        var x = Extract(samples, options);
        var y = samples.Select(s => s.Label!.Value).ToArray();
        var templateFolds = samples.Select(s => (int)(StableHash(GroupOf(s)) % (uint)options.Folds)).ToArray();
        var domainFolds = samples.Select(s => DomainFold(s, options)).ToArray();
        var folds = Enumerable.Range(0, samples.Count).Select(i => domainFolds[i] ?? templateFolds[i]).ToArray();
        var predictions = new HeldOutPrediction[samples.Count];
        Span<double> p = stackalloc double[ComplexityModel.Classes];
        for (var fold = 0; fold < options.Folds; fold++)
        {
            var train = Enumerable.Range(0, samples.Count).Where(i => folds[i] != fold && templateFolds[i] != fold && domainFolds[i] != fold).ToArray();
            var model = Fit(train.Select(i => x[i]).ToArray(), train.Select(i => y[i]).ToArray(), train.Select(i => samples[i]).ToArray(), options, new ComplexityThresholds(0.3, 0.6));
            for (var i = 0; i < samples.Count; i++)
            {
                if (folds[i] == fold)
                {
                    model.Probabilities(x[i], p);
                    predictions[i] = new HeldOutPrediction(p[(int)Complexity.Complex], 1 - p[(int)Complexity.Simple]);
                }
            }
        }

        return predictions;
    }

    /// <summary>Thresholds tuned on the cross-validated predictions, then a model fitted on every sample.</summary>
    public static ComplexityModel Train(IReadOnlyList<TrafficSample> samples, TrainerOptions options, IReadOnlyList<HeldOutPrediction> crossValidated)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(crossValidated);
        var labels = samples.Select(s => s.Label!.Value).ToArray();
        var thresholds = ThresholdSearch.Best(crossValidated, labels, [.. samples.Select(GroupOf)], options.TargetComplexRecall);
        return Fit(Extract(samples, options), labels, samples, options, thresholds);
    }

    /// <summary>Predictions of a classifier on labelled samples.</summary>
    public static ConfusionMatrix Evaluate(IReadOnlyList<TrafficSample> samples, Func<ClassificationInput, Complexity> classify)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(classify);
        var matrix = new ConfusionMatrix();
        foreach (var sample in samples)
        {
            matrix.Add(sample.Label!.Value, classify(sample.Input));
        }

        return matrix;
    }

    /// <summary>Fits with each request weighted <c>1 / sqrt(requests of its template)</c>: a template's copies teach more than one request, less than as many phrasings.</summary>
    private static ComplexityModel Fit(FeatureVector[] x, Complexity[] y, IReadOnlyList<TrafficSample> samples, TrainerOptions options, ComplexityThresholds thresholds)
    {
        var sizes = samples.CountBy(GroupOf).ToDictionary(pair => pair.Key, pair => pair.Value);
        var sampleWeights = samples.Select(s => System.Math.Pow(sizes[GroupOf(s)], -GroupWeightExponent)).ToArray();
        var (weights, bias) = SoftmaxRegression.Fit(x, y, sampleWeights, RequestFeatures.Dense.Count + options.HashBuckets, options);
        return new ComplexityModel(options.HashBuckets, weights, bias, thresholds, new ModelTraining(x.Length, options.L2, options.Iterations, options.TargetComplexRecall));
    }

    private static FeatureVector[] Extract(IReadOnlyList<TrafficSample> samples, TrainerOptions options) =>
        [.. samples.Select(s => RequestFeatures.Extract(s.Input, RequestFeatures.DefaultCharsPerToken, options.HashBuckets))];

    /// <summary>The fold that holds the sample's domain out whole, or null: half the domains are held out once, spread over the folds.</summary>
    private static int? DomainFold(TrafficSample sample, TrainerOptions options) =>
        options.HoldOutDomains && sample.Domain is { } domain && StableHash(domain) % (uint)(2 * options.Folds) is var bucket && bucket < options.Folds
            ? (int)bucket
            : null;

    private static string GroupOf(TrafficSample sample) => sample.Group ?? sample.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
