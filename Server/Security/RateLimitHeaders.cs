using System.Globalization;

namespace LocalOpenAi.Server.Security;

/// <summary>OpenAI's <c>x-ratelimit-{limit,remaining,reset}-{requests,tokens}</c> response headers.</summary>
internal static class RateLimitHeaders
{
    public static void Write(IHeaderDictionary headers, RateLimitDecision decision)
    {
        Write(headers, "requests", decision.Requests);
        Write(headers, "tokens", decision.Tokens);
    }

    /// <summary>A duration as OpenAI writes it: <c>250ms</c>, <c>2s</c>, <c>1m30s</c>.</summary>
    public static string Duration(TimeSpan value)
    {
        if (value < TimeSpan.FromSeconds(1))
        {
            return $"{Math.Max(0, (long)Math.Ceiling(value.TotalMilliseconds))}ms";
        }

        var seconds = (long)Math.Ceiling(value.TotalSeconds);
        return seconds < 60 ? $"{seconds}s" : $"{seconds / 60}m{seconds % 60}s";
    }

    private static void Write(IHeaderDictionary headers, string dimension, RateLimitQuota? quota)
    {
        if (quota is not { } value)
        {
            return;
        }

        headers[$"x-ratelimit-limit-{dimension}"] = value.Limit.ToString(CultureInfo.InvariantCulture);
        headers[$"x-ratelimit-remaining-{dimension}"] = value.Remaining.ToString(CultureInfo.InvariantCulture);
        headers[$"x-ratelimit-reset-{dimension}"] = Duration(value.ResetAfter);
    }
}
