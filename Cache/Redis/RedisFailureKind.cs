namespace LocalOpenAi.Cache.Redis;

/// <summary>Why a Redis command did not produce a usable reply; see <see cref="RedisFailure.KindOf"/>.</summary>
public enum RedisFailureKind
{
    /// <summary>No connection could be made (refused, DNS, TLS, AUTH rejected), or none is up right now.</summary>
    ConnectionFailed,

    /// <summary>The connection broke while the command was queued or in flight.</summary>
    ConnectionLost,

    /// <summary>No reply within the command timeout.</summary>
    Timeout,

    /// <summary>The server sent bytes that are not valid RESP, or a reply of an unexpected type.</summary>
    ProtocolError,

    /// <summary>The server answered with an error reply (e.g. <c>WRONGTYPE</c>, <c>NOSCRIPT</c>).</summary>
    ServerError,
}
