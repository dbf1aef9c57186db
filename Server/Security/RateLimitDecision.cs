namespace LocalOpenAi.Server.Security;

/// <summary>Whether a request may go ahead, and the quotas to report in <c>x-ratelimit-*</c> headers.</summary>
/// <param name="Requests">The request quota; null when no request limit is set.</param>
/// <param name="Tokens">The token quota; null when no token limit is set.</param>
/// <param name="RejectedBy">Null when allowed; otherwise <c>requests</c> or <c>tokens</c>.</param>
internal sealed record RateLimitDecision(RateLimitQuota? Requests, RateLimitQuota? Tokens, string? RejectedBy)
{
    /// <summary>True when the request may go ahead.</summary>
    public bool Allowed => RejectedBy is null;

    /// <summary>Whole seconds until the exhausted limit resets (at least 1); 0 when allowed.</summary>
    public int RetryAfterSeconds
    {
        get
        {
            var quota = RejectedBy == "tokens" ? Tokens : Requests;
            return Allowed || quota is null ? 0 : Math.Max(1, (int)Math.Ceiling(quota.Value.ResetAfter.TotalSeconds));
        }
    }
}
