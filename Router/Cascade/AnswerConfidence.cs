namespace LocalOpenAi.Router.Cascade;

/// <summary>
/// How sure the local model was of its own answer: the mean log-probability of the tokens it generated.
/// Under <c>local_first</c> an answer below <c>Router:MinMeanLogprob</c> goes to the cloud.
/// </summary>
/// <remarks>
/// A mean, not a sum, so that a long answer is not penalised for its length; a small model that guesses spreads
/// its probability over many tokens and its mean falls well below that of an answer it knows.
/// </remarks>
public static class AnswerConfidence
{
    public const string LowLogprob = "low_logprob";

    /// <summary>The mean of the tokens' log-probabilities; null for an answer with no tokens.</summary>
    public static double? MeanLogprob(IReadOnlyList<float> tokenLogprobs)
    {
        ArgumentNullException.ThrowIfNull(tokenLogprobs);
        if (tokenLogprobs.Count == 0)
        {
            return null;
        }

        double sum = 0;
        foreach (var logprob in tokenLogprobs)
        {
            sum += logprob;
        }

        return sum / tokenLogprobs.Count;
    }

    /// <summary><see cref="LowLogprob"/> when the mean is under <paramref name="minimumMean"/>; null when it is not, or there are no tokens to judge.</summary>
    public static string? Failure(IReadOnlyList<float> tokenLogprobs, double minimumMean) =>
        MeanLogprob(tokenLogprobs) is { } mean && mean < minimumMean ? LowLogprob : null;
}
