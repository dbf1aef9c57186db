using System.Text;
using LocalOpenAi.Server.Upstream;

namespace LocalOpenAi.Tests.Server.Upstream;

public sealed class SseFramingTests
{
    private static readonly byte[] Stream = "data: {\"a\":1}\r\n\r\ndata: {\"b\":2}\n\ndata: [DONE]\n\n"u8.ToArray();

    [Fact]
    public void A_stream_split_anywhere_still_yields_its_payloads_and_done()
    {
        var splitter = new SseLineSplitter();
        var payloads = new List<string>();

        foreach (var chunk in Stream.Chunk(3))
        {
            payloads.AddRange(splitter.Payloads(chunk).Select(payload => Encoding.UTF8.GetString(payload.Span)));
        }

        Assert.Equal(["{\"a\":1}", "{\"b\":2}", "[DONE]"], payloads);
    }

    [Fact]
    public void Data_lines_of_one_event_are_joined_and_other_fields_and_comments_dropped()
    {
        var splitter = new SseLineSplitter();

        var payloads = splitter.Payloads(": keep-alive\n\nevent: message\nid: 7\ndata: {\"a\":\ndata: 1}\n\n"u8).Select(payload => Encoding.UTF8.GetString(payload.Span));

        Assert.Equal(["{\"a\":\n1}"], payloads);
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
