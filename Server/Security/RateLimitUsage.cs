namespace LocalOpenAi.Server.Security;

/// <summary>How endpoints tell the rate limiter what a request cost in tokens.</summary>
/// <remarks>
/// Call <see cref="ReportTokens"/> with prompt + completion tokens once usage is known (for streamed
/// responses, before the stream ends); the rate-limit middleware charges the sum after the response.
/// Reports add up and may come from several threads at once (one per choice). Without a token limit
/// the call does nothing.
/// </remarks>
internal static class RateLimitUsage
{
    private const string ItemKey = "LocalOpenAi.RateLimitTokens";

    /// <summary>Adds <paramref name="tokens"/> to what this request is charged.</summary>
    public static void ReportTokens(HttpContext context, long tokens)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (tokens > 0 && context.Items[ItemKey] is Tally tally)
        {
            Interlocked.Add(ref tally.Tokens, tokens);
        }
    }

    /// <summary>The tokens reported so far for this request.</summary>
    public static long Reported(HttpContext context) => context.Items[ItemKey] is Tally tally ? Interlocked.Read(ref tally.Tokens) : 0;

    /// <summary>Starts counting for this request; the middleware calls it before the endpoint runs.</summary>
    internal static void Track(HttpContext context) => context.Items[ItemKey] = new Tally();

    private sealed class Tally
    {
        public long Tokens;
    }
}
