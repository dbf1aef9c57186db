using System.Text;
using System.Text.Json.Nodes;
using LocalOpenAi.Formats.Anthropic;

namespace LocalOpenAi.Tests.Formats.Anthropic;

public sealed class AnthropicStreamTranslatorTests
{
    private const string Start = """
        event: message_start
        data: {"type":"message_start","message":{"id":"msg_r1","type":"message","role":"assistant","model":"claude-local","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":25,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":0}}}

        event: ping
        data: {"type":"ping"}


        """;

    [Fact]
    public void A_text_stream_is_the_anthropic_event_sequence_on_the_wire()
    {
        var wire = Translate(
            """{"id":"chatcmpl-r1","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}""",
            """{"id":"chatcmpl-r1","choices":[{"index":0,"delta":{"content":"Hel"},"finish_reason":null}]}""",
            """{"id":"chatcmpl-r1","choices":[{"index":0,"delta":{"content":"lo"},"finish_reason":null}]}""",
            """{"id":"chatcmpl-r1","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}""",
            """{"id":"chatcmpl-r1","choices":[],"usage":{"prompt_tokens":25,"completion_tokens":2,"total_tokens":27,"prompt_tokens_details":{"cached_tokens":5}}}""");

        Assert.Equal(Start.ReplaceLineEndings("\n") + """
            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hel"}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"lo"}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":0}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"input_tokens":20,"cache_creation_input_tokens":0,"cache_read_input_tokens":5,"output_tokens":2}}

            event: message_stop
            data: {"type":"message_stop"}


            """.ReplaceLineEndings("\n"), wire);
    }

    [Fact]
    public void Text_then_two_streamed_tool_calls_get_their_own_block_indices()
    {
        var events = Events(
            """{"id":"chatcmpl-r1","choices":[{"index":0,"delta":{"role":"assistant","content":"Checking."}}]}""",
            """{"id":"chatcmpl-r1","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_a","type":"function","function":{"name":"get_weather","arguments":""}}]}}]}""",
            """{"id":"chatcmpl-r1","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"city\":"}}]}}]}""",
            """{"id":"chatcmpl-r1","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"\"Paris\"}"}}]}}]}""",
            """{"id":"chatcmpl-r1","choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"id":"call_b","type":"function","function":{"name":"get_time","arguments":"{}"}}]}}]}""",
            """{"id":"chatcmpl-r1","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}""");

        WireJson.Equal("""
            [{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}},
             {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Checking."}},
             {"type":"content_block_stop","index":0},
             {"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"call_a","name":"get_weather","input":{}}},
             {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\"city\":"}},
             {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"\"Paris\"}"}},
             {"type":"content_block_stop","index":1},
             {"type":"content_block_start","index":2,"content_block":{"type":"tool_use","id":"call_b","name":"get_time","input":{}}},
             {"type":"content_block_delta","index":2,"delta":{"type":"input_json_delta","partial_json":"{}"}},
             {"type":"content_block_stop","index":2},
             {"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"output_tokens":0}},
             {"type":"message_stop"}]
            """, new JsonArray(events.Skip(2).Select(e => e.Data.DeepClone()).ToArray()));
        Assert.All(events, e => Assert.Equal(e.Event, (string?)e.Data["type"]));
    }

    [Fact]
    public void Tool_calls_sent_whole_in_one_delta_open_one_block_each()
    {
        var events = Events("""
            {"id":"chatcmpl-r1","choices":[{"index":0,"delta":{"tool_calls":[
              {"index":0,"id":"call_a","type":"function","function":{"name":"f","arguments":"{\"x\":1}"}},
              {"index":1,"id":"call_b","type":"function","function":{"name":"g","arguments":"{}"}}]}}]}
            """);

        Assert.Equal(
            ["message_start", "ping", "content_block_start", "content_block_delta", "content_block_stop", "content_block_start", "content_block_delta", "content_block_stop", "message_delta", "message_stop"],
            events.Select(e => e.Event));
        Assert.Equal([0, 0, 0, 1, 1, 1], events.Where(e => e.Data["index"] is not null).Select(e => (int)e.Data["index"]!));
    }

    [Fact]
    public void A_stream_without_chunks_still_opens_and_closes_the_message_with_the_matched_stop()
    {
        var translator = new AnthropicStreamTranslator("m", "msg_given");

        var events = translator.Complete("###").ToList();

        Assert.Equal(["message_start", "ping", "message_delta", "message_stop"], events.Select(e => e.Event));
        Assert.Equal("msg_given", (string?)events[0].Data["message"]!["id"]);
        WireJson.Equal("""{"stop_reason":"stop_sequence","stop_sequence":"###"}""", events[2].Data["delta"]);
    }

    [Fact]
    public void An_error_event_carries_the_anthropic_error_envelope() =>
        Assert.Equal(
            "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n\n",
            Encoding.UTF8.GetString(AnthropicSseEvent.Error(new AnthropicError(AnthropicErrorTypes.Overloaded, "Overloaded")).ToBytes()));

    private static List<AnthropicSseEvent> Events(params string[] chunks)
    {
        var translator = new AnthropicStreamTranslator("claude-local", inputTokens: 25);
        return [.. chunks.SelectMany(c => translator.OnChunk(WireJson.Object(c))), .. translator.Complete()];
    }

    private static string Translate(params string[] chunks) =>
        string.Concat(Events(chunks).Select(e => Encoding.UTF8.GetString(e.ToBytes())));
}
