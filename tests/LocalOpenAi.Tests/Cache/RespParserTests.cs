using System.Buffers;
using System.Text;
using LocalOpenAi.Cache.Redis;

namespace LocalOpenAi.Tests.Cache;

public sealed class RespParserTests
{
    private const string AllTypes = "+OK\r\n-ERR bad\r\n:-42\r\n$5\r\nhe\r\no\r\n$-1\r\n$0\r\n\r\n*-1\r\n*0\r\n*3\r\n:1\r\n*2\r\n$1\r\nx\r\n$-1\r\n+s\r\n";

    [Fact]
    public void Parses_every_RESP2_reply_type()
    {
        var replies = ParseAll(Encoding.ASCII.GetBytes(AllTypes), out var status);

        Assert.Equal(RespParseStatus.Incomplete, status);
        Assert.Equal(9, replies.Count);
        Assert.Equal((RedisReplyKind.SimpleString, "OK"), (replies[0].Kind, replies[0].AsString()));
        Assert.Equal((RedisReplyKind.Error, "ERR bad"), (replies[1].Kind, replies[1].AsString()));
        Assert.Equal((RedisReplyKind.Integer, -42L), (replies[2].Kind, replies[2].Integer));
        Assert.Equal("he\r\no", replies[3].AsString());
        Assert.True(replies[4].IsNull);
        Assert.Equal(RedisReplyKind.BulkString, replies[4].Kind);
        Assert.False(replies[5].IsNull);
        Assert.Equal(string.Empty, replies[5].AsString());
        Assert.True(replies[6].IsNull);
        Assert.Equal(RedisReplyKind.Array, replies[6].Kind);
        Assert.False(replies[7].IsNull);
        Assert.Empty(replies[7].Elements);
        Assert.Equal("[Integer:1, [BulkString:x, (nil)], SimpleString:s]", replies[8].ToString());
    }

    [Fact]
    public void Replies_split_at_every_byte_parse_the_same()
    {
        var bytes = Encoding.ASCII.GetBytes(AllTypes);
        var expected = ParseAll(bytes, out _).Select(r => r.ToString()).ToList();

        for (var cut = 1; cut < bytes.Length; cut++)
        {
            var sequence = Segments(bytes[..cut], bytes[cut..]);
            var reader = new SequenceReader<byte>(sequence);
            var parsed = new List<string>();
            while (true)
            {
                var start = reader.Position;
                if (RespParser.TryParse(ref reader, out var reply, out _) != RespParseStatus.Complete)
                {
                    reader = new SequenceReader<byte>(sequence.Slice(start));
                    break;
                }

                parsed.Add(reply!.ToString());
            }

            Assert.Equal(expected, parsed);
        }
    }

    [Fact]
    public void A_prefix_of_a_reply_is_incomplete_not_invalid()
    {
        var bytes = Encoding.ASCII.GetBytes("*2\r\n$3\r\nfoo\r\n$3\r\nbar\r\n");
        for (var length = 0; length < bytes.Length; length++)
        {
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes, 0, length));
            Assert.Equal(RespParseStatus.Incomplete, RespParser.TryParse(ref reader, out _, out _));
        }
    }

    [Theory]
    [InlineData("?what\r\n")]
    [InlineData(":12x\r\n")]
    [InlineData("$-2\r\n")]
    [InlineData("$3\r\nfooXY")]
    [InlineData("*abc\r\n")]
    [InlineData("HTTP/1.1 400 Bad Request\r\n")]
    public void Garbage_is_invalid(string text)
    {
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(text)));

        Assert.Equal(RespParseStatus.Invalid, RespParser.TryParse(ref reader, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void A_header_line_that_never_ends_is_invalid_once_too_long()
    {
        var bytes = Encoding.ASCII.GetBytes("+" + new string('a', RespParser.MaxLineLength + 10));
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes));

        Assert.Equal(RespParseStatus.Invalid, RespParser.TryParse(ref reader, out _, out _));
    }

    private static List<RedisReply> ParseAll(byte[] bytes, out RespParseStatus last)
    {
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes));
        var replies = new List<RedisReply>();
        while ((last = RespParser.TryParse(ref reader, out var reply, out _)) == RespParseStatus.Complete)
        {
            replies.Add(reply!);
        }

        return replies;
    }

    private static ReadOnlySequence<byte> Segments(byte[] first, byte[] second)
    {
        var head = new Segment(first);
        var tail = head.Append(second);
        return new ReadOnlySequence<byte>(head, 0, tail, second.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
