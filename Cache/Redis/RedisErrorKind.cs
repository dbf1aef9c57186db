namespace LocalOpenAi.Cache.Redis;

/// <summary>Why a Redis command did not produce a reply.</summary>
public enum RedisErrorKind
{
    /// <summary>No connection could be made (refused, DNS, TLS, AUTH/SELECT rejected) or the client is backing off before the next attempt.</summary>
    ConnectionFailed,

    /// <summary>The connection broke while the command was queued or in flight.</summary>
    ConnectionLost,

    /// <summary>No reply within the command timeout; the connection is dropped.</summary>
    Timeout,

    /// <summary>The server sent bytes that are not valid RESP2, or a reply of an unexpected type.</summary>
    ProtocolError,

    /// <summary>The server answered with an error reply (e.g. <c>WRONGTYPE</c>) to a typed command.</summary>
    ServerError,
}
