using System.Text;
using LocalOpenAi.Cache;

namespace LocalOpenAi.Tests.Cache;

public sealed class CachedResponseTests
{
    private static readonly DateTimeOffset Created = new(2025, 3, 4, 5, 6, 7, 890, TimeSpan.Zero);

    [Fact]
    public void Json_body_round_trips()
    {
        var body = """{"id":"chatcmpl-1","choices":[]}"""u8.ToArray();

        var bytes = CachedResponse.ForJson(body, Created).Serialize();

        Assert.True(CachedResponse.TryDeserialize(bytes, out var read));
        Assert.Equal(CachedResponseKind.Json, read.Kind);
        Assert.Equal(body, read.Body.ToArray());
        Assert.Empty(read.Events);
        Assert.Equal(Created, read.CreatedAt);
    }

    [Fact]
    public void Event_stream_round_trips_with_its_original_chunking()
    {
        string[] events = ["""{"choices":[{"delta":{"role":"assistant"}}]}""", """{"choices":[{"delta":{"content":"Hel"}}]}""", "", """{"choices":[{"delta":{"content":"lo\n\n"}}]}""", "[DONE]"];

        var bytes = CachedResponse.ForEventStream(events.Select(e => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(e)), Created).Serialize();

        Assert.True(CachedResponse.TryDeserialize(bytes, out var read));
        Assert.Equal(CachedResponseKind.EventStream, read.Kind);
        Assert.Equal(events, read.Events.Select(e => Encoding.UTF8.GetString(e.Span)));
        Assert.True(read.Body.IsEmpty);
    }

    [Fact]
    public void Every_truncation_and_foreign_bytes_are_rejected()
    {
        var bytes = CachedResponse.ForEventStream([(ReadOnlyMemory<byte>)"a"u8.ToArray(), "bc"u8.ToArray()], Created).Serialize();

        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.False(CachedResponse.TryDeserialize(bytes.AsSpan(0, length), out _));
        }

        Assert.False(CachedResponse.TryDeserialize([.. bytes, 0], out _));
        Assert.False(CachedResponse.TryDeserialize("""{"not":"ours"}"""u8, out _));
        var otherVersion = bytes.ToArray();
        otherVersion[4] = 99;
        Assert.False(CachedResponse.TryDeserialize(otherVersion, out _));
    }
}
