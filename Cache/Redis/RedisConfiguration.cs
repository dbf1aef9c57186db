using System.Net;
using StackExchange.Redis;

namespace LocalOpenAi.Cache.Redis;

/// <summary>Reads what operators write for a Redis: a plain <c>host:port</c> or a full StackExchange.Redis configuration string.</summary>
/// <remarks>
/// Examples: <c>cache.internal:6380</c>; <c>redis.example.com:6380,password=…,ssl=true,abortConnect=false</c>;
/// <c>sentinel1:26379,sentinel2:26379,serviceName=mymaster</c>; several cluster nodes separated by commas.
/// Error messages never repeat the text, since it may hold a password.
/// </remarks>
public static class RedisConfiguration
{
    /// <summary>Parses <paramref name="configuration"/>; connecting never aborts start-up and commands fail fast while no connection is up.</summary>
    /// <exception cref="FormatException">The text names no endpoint or has an unknown or malformed option.</exception>
    public static ConfigurationOptions Parse(string configuration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        ConfigurationOptions options;
        try
        {
            options = ConfigurationOptions.Parse(configuration.Trim());
        }
        catch (ArgumentException ex)
        {
            throw new FormatException($"not a Redis configuration string ({ex.Message})", ex);
        }

        if (options.EndPoints.Count == 0)
        {
            throw new FormatException("names no Redis endpoint (host:port)");
        }

        if (options.EndPoints.OfType<DnsEndPoint>().Any(e => Uri.CheckHostName(e.Host) == UriHostNameType.Unknown))
        {
            throw new FormatException("has an endpoint that is not host:port");
        }

        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        return options;
    }

    /// <summary>Why <paramref name="configuration"/> does not parse; null when it does.</summary>
    public static string? ErrorIn(string configuration)
    {
        try
        {
            Parse(configuration);
            return null;
        }
        catch (FormatException ex)
        {
            return ex.Message;
        }
    }
}
