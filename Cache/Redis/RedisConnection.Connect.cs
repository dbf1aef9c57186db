using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace LocalOpenAi.Cache.Redis;

internal sealed partial class RedisConnection
{
    /// <summary>Connects, optionally wraps in TLS, then sends AUTH and SELECT as configured.</summary>
    /// <exception cref="RedisException">Any step failed or the connect timeout passed.</exception>
    public static async Task<RedisConnection> ConnectAsync(RedisClientOptions options, TimeProvider timeProvider)
    {
        using var timeout = new CancellationTokenSource(options.ConnectTimeout, timeProvider);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        RedisConnection? connection = null;
        try
        {
            await socket.ConnectAsync(options.Host, options.Port, timeout.Token).ConfigureAwait(false);
            Stream stream = new NetworkStream(socket, ownsSocket: true);
            if (options.UseTls)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false, options.CertificateValidation);
                stream = ssl;
                await ssl.AuthenticateAsClientAsync(
                    new SslClientAuthenticationOptions { TargetHost = options.Host }, timeout.Token).ConfigureAwait(false);
            }

            connection = new RedisConnection(socket, stream, timeProvider, options.CommandTimeout);
            connection.StartLoops();
            await connection.HandshakeAsync(options, timeout.Token).ConfigureAwait(false);
            return connection;
        }
        catch (Exception ex)
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            socket.Dispose();
            throw ex switch
            {
                RedisException { Kind: RedisErrorKind.ConnectionFailed } redis => redis,
                OperationCanceledException => new RedisException(
                    RedisErrorKind.ConnectionFailed,
                    $"connecting to {options.Host}:{options.Port} took longer than {options.ConnectTimeout.TotalMilliseconds:0} ms"),
                _ => new RedisException(
                    RedisErrorKind.ConnectionFailed, $"cannot connect to {options.Host}:{options.Port}: {ex.Message}", ex),
            };
        }
    }

    private async Task HandshakeAsync(RedisClientOptions options, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(options.Password))
        {
            string[] auth = options.Username is { Length: > 0 } user
                ? ["AUTH", user, options.Password]
                : ["AUTH", options.Password];
            await ExpectOkAsync(auth, "AUTH", cancellationToken).ConfigureAwait(false);
        }

        if (options.Database != 0)
        {
            string[] select = ["SELECT", options.Database.ToString(System.Globalization.CultureInfo.InvariantCulture)];
            await ExpectOkAsync(select, "SELECT", cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ExpectOkAsync(string[] args, string name, CancellationToken cancellationToken)
    {
        var encoded = args.Select(a => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(a)).ToArray();
        var reply = await SendAsync(encoded, cancellationToken).ConfigureAwait(false);
        if (reply.IsError)
        {
            // The server's text, never the password.
            throw new RedisException(RedisErrorKind.ConnectionFailed, $"{name} rejected: {reply.AsString()}");
        }
    }
}
