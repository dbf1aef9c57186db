namespace LocalOpenAi.Engine.Generation;

/// <summary>Log-probabilities from raw logits: a numerically stable log-softmax, computed only when asked for.</summary>
public static class LogprobCalculator
{
    public static TokenLogprob Compute(ReadOnlySpan<float> logits, int token, int topCount, Func<int, string> text, Func<int, byte[]> bytes)
    {
        var max = float.NegativeInfinity;
        foreach (var logit in logits)
        {
            max = Math.Max(max, logit);
        }

        double sum = 0;
        foreach (var logit in logits)
        {
            sum += Math.Exp(logit - max);
        }

        var logSum = (float)Math.Log(sum) + max;
        var alternatives = new List<TokenAlternative>(topCount);
        if (topCount > 0)
        {
            var best = new PriorityQueue<int, float>(topCount + 1);
            for (var i = 0; i < logits.Length; i++)
            {
                best.Enqueue(i, logits[i]);
                if (best.Count > topCount)
                {
                    best.Dequeue();
                }
            }

            while (best.TryDequeue(out var id, out var logit))
            {
                alternatives.Add(new TokenAlternative(id, text(id), bytes(id), logit - logSum));
            }

            alternatives.Reverse();
        }

        return new TokenLogprob(token, text(token), bytes(token), logits[token] - logSum, alternatives);
    }
}
