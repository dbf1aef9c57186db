using LocalOpenAi.Cache;
using LocalOpenAi.Cache.Redis;
using LocalOpenAi.Server.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using LocalOpenAi.Server.Configuration;

namespace LocalOpenAi.Server.Security;

/// <summary>Registers API keys, rate limits and CORS.</summary>
internal static class SecurityServiceCollectionExtensions
{
    private const string RequestLogCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    /// <summary>
    /// Binds and validates on start the <c>Security</c>, <c>RateLimits</c> and <c>Cors</c> sections, and
    /// registers the key store and the rate limiter (with its Redis client when <c>RateLimits:Store</c> is
    /// redis). Also adds the metrics it records to (idempotent), and caps ASP.NET Core's per-request
    /// "Request starting ..." log at Warning: it writes full URLs, and a client that puts its key in the
    /// query string (which is refused) would otherwise have it logged.
    /// </summary>
    public static IServiceCollection AddLocalOpenAiSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<SecurityOptions>(configuration, SecurityOptions.Section);
        services.AddValidatedOptions<RateLimitOptions>(configuration, RateLimitOptions.Section)
            .PostConfigure(options => options.Redis ??= configuration[$"{CacheOptions.SectionName}:Redis"]);
        services.AddValidatedOptions<CrossOriginOptions>(configuration, CrossOriginOptions.Section);

        // The cache's Redis settings (credentials, TLS, connect timeout, stall breaker) apply to the rate limiter's Redis too.
        services.AddValidatedOptions<CacheOptions>(configuration, CacheOptions.SectionName);

        services.AddLogging(logging => logging.AddFilter(RequestLogCategory, LogLevel.Warning));
        services.AddLocalOpenAiMetrics();
        services.AddCors();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ApiKeyStore>();
        services.TryAddSingleton<RateLimitStoreMetrics>();
        services.TryAddSingleton<SharedRedisConnections>();
        services.TryAddSingleton(provider => new MemoryRateLimitCounterStore(provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(CreateRedisStore);
        services.TryAddSingleton(CreateStore);
        services.TryAddSingleton<ClientRateLimiter>();
        return services;
    }

    private static IRateLimitCounterStore CreateStore(IServiceProvider provider)
    {
        var memory = provider.GetRequiredService<MemoryRateLimitCounterStore>();
        var cache = provider.GetRequiredService<IOptions<CacheOptions>>().Value;
        return provider.GetRequiredService<IOptions<RateLimitOptions>>().Value.Store == RateLimitStoreKind.Redis
            ? new FailoverRateLimitCounterStore(
                provider.GetRequiredService<RedisRateLimitCounterStore>(),
                memory,
                new RedisStallBreaker(cache.BreakerFailures, cache.BreakerCoolDown, provider.GetRequiredService<TimeProvider>()),
                provider.GetRequiredService<RateLimitStoreMetrics>(),
                provider.GetRequiredService<ILogger<FailoverRateLimitCounterStore>>())
            : memory;
    }

    private static RedisRateLimitCounterStore CreateRedisStore(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        var cache = provider.GetRequiredService<IOptions<CacheOptions>>().Value;
        var connection = provider.GetRequiredService<SharedRedisConnections>().Get(cache.ToRedisConfiguration(options.Redis));
        return new RedisRateLimitCounterStore(connection, options.KeyPrefix, options.RedisTimeout);
    }
}
