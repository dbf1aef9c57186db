using LocalOpenAi.Router.Classification;

namespace LocalOpenAi.Router.Calibration;

/// <summary>Fits the classifier's thresholds to an operator's traffic so that a chosen share of it goes to the cloud.</summary>
public static class ThresholdCalibrator
{
    /// <summary>
    /// Scores the sample and picks the complex threshold whose share of complex requests is closest to
    /// <paramref name="cloudShare"/> (ties go to the smaller share). The moderate threshold stays as it is.
    /// </summary>
    /// <remarks>
    /// Requests can tie (a greeting scores like another greeting), so not every share is reachable; the result
    /// reports the share achieved. A threshold sits halfway between two neighbouring observed scores.
    /// </remarks>
    /// <param name="sample">Requests from the operator's traffic (labels, if any, are ignored).</param>
    /// <param name="cloudShare">The wanted share of complex requests, 0 to 1, e.g. 0.2.</param>
    /// <param name="options">The classifier options to score with; only the complex threshold changes.</param>
    /// <exception cref="ArgumentException">The sample is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cloudShare"/> is outside 0..1.</exception>
    public static CalibrationResult Calibrate(IEnumerable<ClassificationInput> sample, double cloudShare, ClassifierOptions options)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(options);
        if (!(cloudShare is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(cloudShare), cloudShare, "The cloud share must be between 0 and 1.");
        }

        var classifier = new ComplexityClassifier(options);
        var scores = sample.Select(input => classifier.Classify(input).Score).ToArray();
        if (scores.Length == 0)
        {
            throw new ArgumentException("The traffic sample is empty.", nameof(sample));
        }

        Array.Sort(scores);
        Array.Reverse(scores);

        // Nothing complex: just above the highest score.
        var best = (Threshold: scores[0] + 0.01, Share: 0.0);
        for (var i = 0; i < scores.Length; i++)
        {
            if (i + 1 < scores.Length && scores[i + 1] == scores[i])
            {
                continue;
            }

            // scores[0..i] are complex when the threshold sits between scores[i] and the next lower score.
            var share = (double)(i + 1) / scores.Length;
            var threshold = i + 1 < scores.Length ? (scores[i] + scores[i + 1]) / 2 : scores[i] - 0.01;
            if (Math.Abs(share - cloudShare) < Math.Abs(best.Share - cloudShare) - 1e-12)
            {
                best = (threshold, share);
            }
        }

        return new CalibrationResult(new ComplexityThresholds(classifier.Thresholds.Moderate, Math.Round(best.Threshold, 6)), cloudShare, best.Share, scores.Length);
    }
}
