using System.Globalization;
using System.Text;

namespace LocalOpenAi.Cache.Redis;

/// <summary>One parsed RESP2 reply. Immutable.</summary>
public sealed class RedisReply
{
    private static readonly RedisReply[] NoElements = [];

    private readonly byte[]? _bytes;

    private RedisReply(RedisReplyKind kind, byte[]? bytes, long integer, RedisReply[]? elements, bool isNull)
    {
        Kind = kind;
        _bytes = bytes;
        Integer = integer;
        Elements = elements ?? NoElements;
        IsNull = isNull;
    }

    /// <summary>The reply type.</summary>
    public RedisReplyKind Kind { get; }

    /// <summary>True for the null bulk string (<c>$-1</c>) and the null array (<c>*-1</c>).</summary>
    public bool IsNull { get; }

    /// <summary>The value of an <see cref="RedisReplyKind.Integer"/> reply; 0 otherwise.</summary>
    public long Integer { get; }

    /// <summary>The payload of a simple string, error or bulk string; empty otherwise.</summary>
    public ReadOnlyMemory<byte> Bytes => _bytes;

    /// <summary>The elements of an array reply; empty otherwise (including the null array).</summary>
    public IReadOnlyList<RedisReply> Elements { get; }

    /// <summary>True for an error reply.</summary>
    public bool IsError => Kind == RedisReplyKind.Error;

    /// <summary>The payload as UTF-8 text (the number for integers); null for null replies and arrays.</summary>
    public string? AsString() => Kind switch
    {
        RedisReplyKind.Integer => Integer.ToString(CultureInfo.InvariantCulture),
        RedisReplyKind.Array => null,
        _ => _bytes is null ? null : Encoding.UTF8.GetString(_bytes),
    };

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        RedisReplyKind.Array when IsNull => "(nil array)",
        RedisReplyKind.Array => $"[{string.Join(", ", Elements)}]",
        RedisReplyKind.BulkString when IsNull => "(nil)",
        _ => $"{Kind}:{AsString()}",
    };

    internal byte[]? RawBytes => _bytes;

    internal static RedisReply SimpleString(byte[] text) => new(RedisReplyKind.SimpleString, text, 0, null, false);

    internal static RedisReply Error(byte[] text) => new(RedisReplyKind.Error, text, 0, null, false);

    internal static RedisReply FromInteger(long value) => new(RedisReplyKind.Integer, null, value, null, false);

    internal static RedisReply Bulk(byte[]? value) => new(RedisReplyKind.BulkString, value, 0, null, value is null);

    internal static RedisReply FromArray(RedisReply[]? elements) => new(RedisReplyKind.Array, null, 0, elements, elements is null);
}
