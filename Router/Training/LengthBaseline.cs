using LocalOpenAi.Router.Calibration;
using LocalOpenAi.Router.Classification;

namespace LocalOpenAi.Router.Training;

/// <summary>The naive router: total prompt characters against two thresholds, chosen for the best accuracy on the data it is fitted to.</summary>
/// <param name="ModerateChars">Prompts at least this long are moderate.</param>
/// <param name="ComplexChars">Prompts at least this long are complex.</param>
public sealed record LengthBaseline(int ModerateChars, int ComplexChars)
{
    /// <summary>The thresholds with the best accuracy on <paramref name="samples"/>.</summary>
    /// <remarks>Counts below each candidate cut come from prefix sums, so every pair of cuts costs O(1).</remarks>
    public static LengthBaseline Fit(IReadOnlyList<TrafficSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var sorted = samples.Select(s => (Length: Length(s.Input), Label: (int)s.Label!.Value)).OrderBy(s => s.Length).ToArray();
        var cuts = sorted.Select(s => s.Length).Distinct().Append(int.MaxValue).ToArray();

        // below[k][c]: samples of class c shorter than cuts[k].
        var below = new int[cuts.Length][];
        var counts = new int[3];
        var next = 0;
        for (var k = 0; k < cuts.Length; k++)
        {
            while (next < sorted.Length && sorted[next].Length < cuts[k])
            {
                counts[sorted[next++].Label]++;
            }

            below[k] = [.. counts];
        }

        var complexTotal = below[^1][2];
        var best = (Correct: -1, Baseline: new LengthBaseline(0, 0));
        for (var m = 0; m < cuts.Length; m++)
        {
            for (var c = m; c < cuts.Length; c++)
            {
                var correct = below[m][0] + (below[c][1] - below[m][1]) + (complexTotal - below[c][2]);
                if (correct > best.Correct)
                {
                    best = (correct, new LengthBaseline(cuts[m], cuts[c]));
                }
            }
        }

        return best.Baseline;
    }

    /// <summary>The class of a request by its length alone.</summary>
    public Complexity Predict(ClassificationInput input) => Predict(Length(input));

    private Complexity Predict(int length) =>
        length >= ComplexChars ? Complexity.Complex : length >= ModerateChars ? Complexity.Moderate : Complexity.Simple;

    private static int Length(ClassificationInput input) => input.Messages.Sum(m => m.Content?.Length ?? 0);
}
