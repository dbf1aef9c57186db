using StackExchange.Redis;

namespace LocalOpenAi.Cache.Redis;

/// <summary>Sorts the exceptions StackExchange.Redis throws for a failed command into <see cref="RedisFailureKind"/>s.</summary>
public static class RedisFailure
{
    /// <summary>The kind of Redis failure <paramref name="exception"/> is; null when it is not one (a bug, or the caller's cancellation).</summary>
    public static RedisFailureKind? KindOf(Exception exception) => exception switch
    {
        TimeoutException => RedisFailureKind.Timeout,
        // "No connection is available" carries the failure of the last attempt, which says more.
        RedisConnectionException { InnerException: RedisConnectionException inner } => KindOf(inner),

        // Bytes that are not RESP fault the connection's reader, reported as an internal failure.
        RedisConnectionException { FailureType: ConnectionFailureType.InternalFailure, InnerException: InvalidOperationException } => RedisFailureKind.ProtocolError,
        RedisConnectionException connection => KindOfConnection(connection.FailureType),
        RedisServerException => RedisFailureKind.ServerError,
        RedisException => RedisFailureKind.ProtocolError,
        _ => null,
    };

    private static RedisFailureKind KindOfConnection(ConnectionFailureType failure) => failure switch
    {
        ConnectionFailureType.ProtocolFailure or ConnectionFailureType.ResponseIntegrityFailure => RedisFailureKind.ProtocolError,
        ConnectionFailureType.SocketClosed or ConnectionFailureType.ConnectionDisposed => RedisFailureKind.ConnectionLost,
        _ => RedisFailureKind.ConnectionFailed,
    };
}
