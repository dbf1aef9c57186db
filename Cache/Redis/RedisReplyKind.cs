namespace LocalOpenAi.Cache.Redis;

/// <summary>The RESP2 reply types.</summary>
public enum RedisReplyKind
{
    /// <summary><c>+OK</c></summary>
    SimpleString,

    /// <summary><c>-ERR ...</c></summary>
    Error,

    /// <summary><c>:42</c></summary>
    Integer,

    /// <summary><c>$3 foo</c>, or the null bulk string <c>$-1</c>.</summary>
    BulkString,

    /// <summary><c>*2 ...</c>, or the null array <c>*-1</c>; elements may be arrays.</summary>
    Array,
}
