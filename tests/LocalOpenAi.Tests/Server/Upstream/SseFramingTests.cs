using System.Text;
using LocalOpenAi.Server.Upstream;

namespace LocalOpenAi.Tests.Server.Upstream;

public sealed class SseFramingTests
{
    private static readonly byte[] Stream = "data: {\"a\":1}\r\n\r\ndata: {\"b\":2}\n\ndata: [DONE]\n\n"u8.ToArray();

    [Fact]
    public void A_stream_split_anywhere_still_yields_its_events_and_done()
    {
        var scanner = new SseDataScanner(1024);

        foreach (var chunk in Stream.Chunk(3))
        {
            scanner.Append(chunk);
        }

        Assert.True(scanner.SawDone);
        Assert.Equal(["{\"a\":1}", "{\"b\":2}"], scanner.Events);
    }

    [Fact]
    public void The_framer_releases_only_whole_events_and_loses_no_byte()
    {
        var framer = new SseEventFramer(maxPending: 1024);
        var released = new List<byte>();

        foreach (var chunk in Stream.Chunk(5))
        {
            var ready = framer.Push(chunk).ToArray();
            if (ready.Length > 0)
            {
                Assert.Matches("\n\r?\n$", Encoding.UTF8.GetString(ready));
            }

            released.AddRange(ready);
        }

        Assert.True(framer.Rest.IsEmpty);
        Assert.Equal(Stream, released);
    }
}
