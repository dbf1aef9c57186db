namespace LocalOpenAi.Server.Security;

/// <summary>One limit as the caller sees it: the limit, what is left of it, and when it resets.</summary>
internal readonly record struct RateLimitQuota(long Limit, long Remaining, TimeSpan ResetAfter);
