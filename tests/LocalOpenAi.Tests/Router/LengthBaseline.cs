using LocalOpenAi.Router.Calibration;
using LocalOpenAi.Router.Classification;

namespace LocalOpenAi.Tests.Router;

/// <summary>The naive classifier: prompt length alone, with the two thresholds chosen best-case on the data itself.</summary>
internal sealed record LengthBaseline(int ModerateChars, int ComplexChars, ClassificationScorecard Scorecard)
{
    public static LengthBaseline BestOn(IReadOnlyList<TrafficSample> samples)
    {
        var lengths = samples.Select(s => s.Input.Messages.Sum(m => m.Content?.Length ?? 0)).ToArray();
        var cuts = lengths.Distinct().Order().ToArray();
        LengthBaseline? best = null;
        var bestCorrect = -1;
        foreach (var moderate in cuts)
        {
            foreach (var complex in cuts.Where(c => c >= moderate))
            {
                var correct = 0;
                for (var i = 0; i < samples.Count; i++)
                {
                    correct += Predict(lengths[i], moderate, complex) == samples[i].Label ? 1 : 0;
                }

                if (correct > bestCorrect)
                {
                    bestCorrect = correct;
                    best = new LengthBaseline(moderate, complex, new ClassificationScorecard());
                }
            }
        }

        for (var i = 0; i < samples.Count; i++)
        {
            best!.Scorecard.Add(samples[i].Label!.Value, Predict(lengths[i], best.ModerateChars, best.ComplexChars));
        }

        return best!;
    }

    private static Complexity Predict(int length, int moderate, int complex) =>
        length >= complex ? Complexity.Complex : length >= moderate ? Complexity.Moderate : Complexity.Simple;
}
