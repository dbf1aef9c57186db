using Microsoft.Extensions.Options;

namespace LocalOpenAi.Server.Security;

/// <summary>Requests and tokens per window per caller (partition), over a counter store.</summary>
/// <remarks>Thread-safe; the store does the counting. See <see cref="RateLimitOptions"/> for the semantics.</remarks>
internal sealed class ClientRateLimiter(IRateLimitCounterStore store, IOptions<RateLimitOptions> options)
{
    private readonly RateLimitOptions _options = options.Value;

    public bool Enabled => _options.Enabled;

    /// <summary>Counts one request for <paramref name="partition"/> and says whether it may go ahead.</summary>
    /// <remarks>Tokens are checked first, so a request refused for tokens does not use up a request.</remarks>
    public async ValueTask<RateLimitDecision> AcquireAsync(string partition, CancellationToken cancellationToken)
    {
        RateLimitQuota? tokens = null;
        if (_options.TokenLimit > 0)
        {
            var used = await store.AddAsync(TokenKey(partition), 0, _options.Window, cancellationToken);
            tokens = Quota(_options.TokenLimit, used);
            if (used.Count >= _options.TokenLimit)
            {
                return new RateLimitDecision(null, tokens, "tokens");
            }
        }

        RateLimitQuota? requests = null;
        if (_options.RequestLimit > 0)
        {
            var used = await store.AddAsync("req:" + partition, 1, _options.Window, cancellationToken);
            requests = Quota(_options.RequestLimit, used);
            if (used.Count > _options.RequestLimit)
            {
                return new RateLimitDecision(requests, tokens, "requests");
            }
        }

        return new RateLimitDecision(requests, tokens, null);
    }

    /// <summary>Charges <paramref name="tokens"/> (prompt + completion) used by a finished request.</summary>
    public async ValueTask ChargeTokensAsync(string partition, long tokens, CancellationToken cancellationToken)
    {
        if (_options.TokenLimit > 0 && tokens > 0)
        {
            await store.AddAsync(TokenKey(partition), tokens, _options.Window, cancellationToken);
        }
    }

    private static string TokenKey(string partition) => "tok:" + partition;

    private static RateLimitQuota Quota(long limit, WindowCount used) =>
        new(limit, Math.Max(0, limit - used.Count), used.ResetAfter);
}
