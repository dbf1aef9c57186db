namespace LocalOpenAi.Router.Classification;

/// <summary>
/// A multinomial logistic regression over <see cref="RequestFeatures"/>: one weight per feature and class, one
/// bias per class, and the thresholds on its probabilities tuned with it.
/// </summary>
/// <remarks>Immutable and thread-safe. Weights are kept at half precision, as they are stored, so a model behaves the same before and after a save.</remarks>
public sealed partial class ComplexityModel
{
    internal const int Classes = 3;

    private readonly float[] _weights;
    private readonly float[] _bias;

    internal ComplexityModel(int hashBuckets, float[] weights, float[] bias, ComplexityThresholds thresholds, ModelTraining training)
    {
        if (hashBuckets <= 0 || weights.Length != (RequestFeatures.Dense.Count + hashBuckets) * Classes || bias.Length != Classes)
        {
            throw new ArgumentException("The weights do not match the features and hash buckets.", nameof(weights));
        }

        HashBuckets = hashBuckets;
        _weights = [.. weights.Select(w => (float)(Half)w)];
        _bias = [.. bias.Select(b => (float)(Half)b)];
        Thresholds = thresholds;
        Training = training;
    }

    /// <summary>Buckets the hashed text features fall into.</summary>
    public int HashBuckets { get; }

    /// <summary>The score thresholds tuned on cross-validated predictions of the training split.</summary>
    public ComplexityThresholds Thresholds { get; }

    /// <summary>How the model was trained.</summary>
    public ModelTraining Training { get; }

    /// <summary>The probabilities of simple, moderate and complex.</summary>
    internal void Probabilities(FeatureVector features, Span<double> probabilities)
    {
        Span<double> logits = stackalloc double[Classes];
        for (var c = 0; c < Classes; c++)
        {
            logits[c] = _bias[c];
        }

        for (var i = 0; i < features.Indices.Length; i++)
        {
            var row = features.Indices[i] * Classes;
            var value = features.Values[i];
            for (var c = 0; c < Classes; c++)
            {
                logits[c] += _weights[row + c] * value;
            }
        }

        Softmax(logits, probabilities);
    }

    /// <summary>How much a feature pushes towards <paramref name="complexity"/> relative to the classes' mean.</summary>
    internal double Contribution(int index, float value, Complexity complexity)
    {
        var row = index * Classes;
        var mean = (_weights[row] + _weights[row + 1] + _weights[row + 2]) / 3.0;
        return value * (_weights[row + (int)complexity] - mean);
    }

    internal static void Softmax(ReadOnlySpan<double> logits, Span<double> probabilities)
    {
        var max = System.Math.Max(logits[0], System.Math.Max(logits[1], logits[2]));
        var sum = 0.0;
        for (var c = 0; c < Classes; c++)
        {
            probabilities[c] = System.Math.Exp(logits[c] - max);
            sum += probabilities[c];
        }

        for (var c = 0; c < Classes; c++)
        {
            probabilities[c] /= sum;
        }
    }
}
