using System.Globalization;
using System.Net.Security;

namespace LocalOpenAi.Cache.Redis;

/// <summary>How <see cref="RedisClient"/> reaches and talks to one Redis server.</summary>
public sealed record RedisClientOptions
{
    /// <summary>Host name or IP address.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>TCP port.</summary>
    public int Port { get; init; } = 6379;

    /// <summary>ACL user name for <c>AUTH username password</c>; null for <c>AUTH password</c>.</summary>
    public string? Username { get; init; }

    /// <summary>Password; null or empty sends no AUTH.</summary>
    public string? Password { get; init; }

    /// <summary>Logical database selected after connecting.</summary>
    public int Database { get; init; }

    /// <summary>Wrap the connection in TLS (<see cref="SslStream"/>).</summary>
    public bool UseTls { get; init; }

    /// <summary>Certificate check for TLS; null uses the platform's default validation.</summary>
    public RemoteCertificateValidationCallback? CertificateValidation { get; init; }

    /// <summary>Limit for TCP connect, TLS handshake, AUTH and SELECT together.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Limit for one command's reply; on expiry the connection is dropped and rebuilt.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Connections shared round-robin by all callers; each is pipelined.</summary>
    public int PoolSize { get; init; } = 2;

    /// <summary>First delay before reconnecting after a failed attempt; doubles per failure.</summary>
    public TimeSpan ReconnectBaseDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Upper bound on the reconnect delay.</summary>
    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Parses <c>host:port</c>, <c>host</c> or <c>[::1]:port</c>.</summary>
    /// <exception cref="FormatException">The text is not an endpoint.</exception>
    public static RedisClientOptions FromEndpoint(string endpoint)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpoint);
        var text = endpoint.Trim();
        string host = text;
        string? portText = null;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']');
            if (close < 0)
            {
                throw new FormatException($"'{endpoint}' is not host:port.");
            }

            host = text[1..close];
            var rest = text[(close + 1)..];
            portText = rest.Length == 0 ? null : rest.StartsWith(':') ? rest[1..] : throw new FormatException($"'{endpoint}' is not host:port.");
        }
        else if (text.Count(c => c == ':') == 1)
        {
            var colon = text.IndexOf(':');
            host = text[..colon];
            portText = text[(colon + 1)..];
        }

        var port = 6379;
        if (portText is not null
            && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            throw new FormatException($"'{endpoint}' is not host:port.");
        }

        return host.Length == 0 ? throw new FormatException($"'{endpoint}' has no host.") : new RedisClientOptions { Host = host, Port = port };
    }

    internal void ThrowIfInvalid()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Host);
        ArgumentOutOfRangeException.ThrowIfLessThan(Port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, 65535);
        ArgumentOutOfRangeException.ThrowIfNegative(Database);
        ArgumentOutOfRangeException.ThrowIfLessThan(PoolSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ConnectTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(CommandTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(ReconnectBaseDelay.Ticks);
        ArgumentOutOfRangeException.ThrowIfLessThan(ReconnectMaxDelay, ReconnectBaseDelay);
    }
}
