using LocalOpenAi.Router.Classification;

namespace LocalOpenAi.Router.Training;

/// <summary>
/// Fits multinomial logistic regression with an L2 penalty by full-batch Adam, each sample weighted. Deterministic:
/// samples are visited in order and nothing runs in parallel, so the same corpus gives the same weights.
/// </summary>
internal static class SoftmaxRegression
{
    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;
    private const double Epsilon = 1e-8;

    /// <returns>Weights laid out feature-major (<c>index * 3 + class</c>) and the three biases.</returns>
    public static (float[] Weights, float[] Bias) Fit(IReadOnlyList<FeatureVector> x, IReadOnlyList<Complexity> y, IReadOnlyList<double> sampleWeights, int dimensions, TrainerOptions options)
    {
        var totalWeight = sampleWeights.Sum();
        var size = dimensions * ComplexityModel.Classes;
        var w = new double[size + ComplexityModel.Classes];
        var gradient = new double[w.Length];
        var m = new double[w.Length];
        var v = new double[w.Length];
        Span<double> logits = stackalloc double[ComplexityModel.Classes];
        Span<double> p = stackalloc double[ComplexityModel.Classes];
        for (var step = 1; step <= options.Iterations; step++)
        {
            Array.Clear(gradient);
            for (var i = 0; i < x.Count; i++)
            {
                var features = x[i];
                for (var c = 0; c < ComplexityModel.Classes; c++)
                {
                    logits[c] = w[size + c];
                }

                for (var k = 0; k < features.Indices.Length; k++)
                {
                    var row = features.Indices[k] * ComplexityModel.Classes;
                    for (var c = 0; c < ComplexityModel.Classes; c++)
                    {
                        logits[c] += w[row + c] * features.Values[k];
                    }
                }

                ComplexityModel.Softmax(logits, p);
                for (var c = 0; c < ComplexityModel.Classes; c++)
                {
                    p[c] = (p[c] - (c == (int)y[i] ? 1 : 0)) * sampleWeights[i] / totalWeight;
                    gradient[size + c] += p[c];
                }

                for (var k = 0; k < features.Indices.Length; k++)
                {
                    var row = features.Indices[k] * ComplexityModel.Classes;
                    for (var c = 0; c < ComplexityModel.Classes; c++)
                    {
                        gradient[row + c] += p[c] * features.Values[k];
                    }
                }
            }

            var rate = options.LearningRate * System.Math.Sqrt(1 - System.Math.Pow(Beta2, step)) / (1 - System.Math.Pow(Beta1, step));
            for (var j = 0; j < w.Length; j++)
            {
                var g = gradient[j] + (j < size ? options.L2 * w[j] : 0);
                m[j] = (Beta1 * m[j]) + ((1 - Beta1) * g);
                v[j] = (Beta2 * v[j]) + ((1 - Beta2) * g * g);
                w[j] -= rate * m[j] / (System.Math.Sqrt(v[j]) + Epsilon);
            }
        }

        return ([.. w.Take(size).Select(value => (float)value)], [.. w.Skip(size).Select(value => (float)value)]);
    }
}
