using LocalOpenAi.Cache;
using LocalOpenAi.Cache.Redis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using LocalOpenAi.Server.Configuration;

namespace LocalOpenAi.Server.Caching;

/// <summary>Registers the response cache: the memory store by default, Redis with <c>--redis HOST:PORT</c> (or a configuration string).</summary>
internal static class CachingServices
{
    public static IServiceCollection AddResponseCaching(this IServiceCollection services, IConfiguration configuration)
    {
        var options = ConfigurationBinding.Get<CacheOptions>(configuration, CacheOptions.SectionName, cache => cache.Validate());
        services.AddSingleton(options);
        services.AddSingleton(new CachePolicy(options));
        services.TryAddSingleton(TimeProvider.System);
        if (options.Store == CacheStoreKind.Redis)
        {
            services.TryAddSingleton<SharedRedisConnections>();
            services.AddSingleton<IResponseCacheStore>(provider => new RedisResponseCacheStore(
                provider.GetRequiredService<SharedRedisConnections>().Get(options.ToRedisConfiguration()),
                options.KeyPrefix,
                provider.GetService<ILogger<RedisResponseCacheStore>>(),
                provider.GetRequiredService<TimeProvider>(),
                new RedisStallBreaker(options.BreakerFailures, options.BreakerCoolDown, provider.GetRequiredService<TimeProvider>()),
                options.CommandTimeout));
        }
        else
        {
            services.AddSingleton<IResponseCacheStore>(provider => new MemoryResponseCacheStore(options.MaxEntries, options.MaxBytes, provider.GetRequiredService<TimeProvider>()));
        }

        return services;
    }
}
