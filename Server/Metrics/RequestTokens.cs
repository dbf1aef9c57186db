namespace LocalOpenAi.Server.Metrics;

/// <summary>The tokens (prompt + completion) a request used, for its log line; reports may come from several threads (one per choice).</summary>
internal static class RequestTokens
{
    private const string ItemKey = "LocalOpenAi.RequestTokens";

    /// <summary>Starts counting; the request middleware calls it before the endpoint runs.</summary>
    public static void Track(HttpContext context) => context.Items[ItemKey] = new Tally();

    public static void Add(HttpContext context, long tokens)
    {
        if (context.Items[ItemKey] is Tally tally)
        {
            Interlocked.Add(ref tally.Tokens, tokens);
        }
    }

    /// <summary>The tokens reported, or null when nothing was generated (a cached or cloud answer, a probe).</summary>
    public static long? Reported(HttpContext context) =>
        context.Items[ItemKey] is Tally tally && Interlocked.Read(ref tally.Tokens) is > 0 and var tokens ? tokens : null;

    private sealed class Tally
    {
        public long Tokens;
    }
}
