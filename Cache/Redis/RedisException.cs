namespace LocalOpenAi.Cache.Redis;

/// <summary>A Redis command failed; <see cref="Kind"/> says how.</summary>
public sealed class RedisException : Exception
{
    /// <summary>Creates an exception of the given kind.</summary>
    public RedisException(RedisErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    /// <summary>How the command failed.</summary>
    public RedisErrorKind Kind { get; }
}
