using System.Text.Json.Nodes;
using LocalOpenAi.Formats.Anthropic;

namespace LocalOpenAi.Tests.Formats.Anthropic;

public sealed class AnthropicToChatStreamTests
{
    /// <summary>A stream as Anthropic sends it: text, then a tool call whose input arrives in fragments.</summary>
    internal static readonly (string Event, string Data)[] TextThenToolUse =
    [
        ("message_start", """{"type":"message_start","message":{"id":"msg_s1","type":"message","role":"assistant","model":"claude-sonnet","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":472,"cache_creation_input_tokens":0,"cache_read_input_tokens":128,"output_tokens":2}}}"""),
        ("ping", """{"type":"ping"}"""),
        ("content_block_start", """{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}"""),
        ("content_block_delta", """{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Okay"}}"""),
        ("content_block_delta", """{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":", checking."}}"""),
        ("content_block_stop", """{"type":"content_block_stop","index":0}"""),
        ("content_block_start", """{"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"toolu_01","name":"get_weather","input":{}}}"""),
        ("content_block_delta", """{"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":""}}"""),
        ("content_block_delta", """{"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\"city\": \"Par"}}"""),
        ("content_block_delta", """{"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"is\"}"}}"""),
        ("content_block_stop", """{"type":"content_block_stop","index":1}"""),
        ("content_block_start", """{"type":"content_block_start","index":2,"content_block":{"type":"tool_use","id":"toolu_02","name":"get_time","input":{}}}"""),
        ("content_block_delta", """{"type":"content_block_delta","index":2,"delta":{"type":"input_json_delta","partial_json":"{}"}}"""),
        ("content_block_stop", """{"type":"content_block_stop","index":2}"""),
        ("message_delta", """{"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"output_tokens":89}}"""),
        ("message_stop", """{"type":"message_stop"}"""),
    ];

    [Fact]
    public void Text_and_tool_use_events_become_chat_chunks_with_a_final_usage_chunk()
    {
        var translator = new AnthropicToChatStream("claude", 1_700_000_000, includeUsage: true);

        var chunks = TextThenToolUse.SelectMany(e => Step(translator, e).Chunks).ToList();

        Assert.All(chunks, c => Assert.Equal("chatcmpl-s1", (string?)c["id"]));
        Assert.All(chunks, c => Assert.Equal("chat.completion.chunk", (string?)c["object"]));
        WireJson.Equal("""
            [{"role":"assistant","content":""},
             {"content":"Okay"},
             {"content":", checking."},
             {"tool_calls":[{"index":0,"id":"toolu_01","type":"function","function":{"name":"get_weather","arguments":""}}]},
             {"tool_calls":[{"index":0,"function":{"arguments":"{\"city\": \"Par"}}]},
             {"tool_calls":[{"index":0,"function":{"arguments":"is\"}"}}]},
             {"tool_calls":[{"index":1,"id":"toolu_02","type":"function","function":{"name":"get_time","arguments":""}}]},
             {"tool_calls":[{"index":1,"function":{"arguments":"{}"}}]},
             {}]
            """, new JsonArray(chunks.SkipLast(1).Select(c => c["choices"]![0]!["delta"]!.DeepClone()).ToArray()));
        Assert.Equal("tool_calls", (string?)chunks[^2]["choices"]![0]!["finish_reason"]);
        WireJson.Equal("""
            {"id":"chatcmpl-s1","object":"chat.completion.chunk","created":1700000000,"model":"claude","system_fingerprint":"anthropic","choices":[],
             "usage":{"prompt_tokens":600,"completion_tokens":89,"total_tokens":689,"prompt_tokens_details":{"cached_tokens":128}}}
            """, chunks[^1]);
    }

    [Fact]
    public void Without_include_usage_the_stream_ends_with_the_finish_chunk()
    {
        var translator = new AnthropicToChatStream("claude", 0, includeUsage: false);

        var chunks = TextThenToolUse.SelectMany(e => Step(translator, e).Chunks).ToList();

        Assert.Equal("tool_calls", (string?)chunks[^1]["choices"]![0]!["finish_reason"]);
        Assert.All(chunks, c => Assert.Null(c["usage"]));
    }

    [Fact]
    public void An_error_event_becomes_a_typed_error()
    {
        var translator = new AnthropicToChatStream("claude", 0, includeUsage: true);
        Step(translator, TextThenToolUse[0]);

        var step = Step(translator, ("error", """{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"""));

        Assert.Empty(step.Chunks);
        Assert.Equal(new AnthropicError("overloaded_error", "Overloaded"), step.Error);
        Assert.Equal(529, step.Error!.Status);
        Assert.Equal("service_unavailable", AnthropicErrorTypes.ToOpenAi(step.Error.Type));
    }

    [Fact]
    public void Blocks_that_start_with_their_content_pass_it_on()
    {
        var translator = new AnthropicToChatStream("claude", 0, includeUsage: false);

        var text = Step(translator, ("content_block_start", """{"type":"content_block_start","index":0,"content_block":{"type":"text","text":"Hi"}}""")).Chunks;
        var tool = Step(translator, ("content_block_start", """{"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"t","name":"f","input":{"a":1}}}""")).Chunks;

        WireJson.Equal("""{"content":"Hi"}""", Assert.Single(text)["choices"]![0]!["delta"]);
        WireJson.Equal("""{"tool_calls":[{"index":0,"id":"t","type":"function","function":{"name":"f","arguments":"{\"a\":1}"}}]}""", Assert.Single(tool)["choices"]![0]!["delta"]);
    }

    [Fact]
    public void Thinking_and_unknown_events_produce_nothing()
    {
        var translator = new AnthropicToChatStream("claude", 0, includeUsage: true);

        Assert.Empty(Step(translator, ("content_block_start", """{"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":""}}""")).Chunks);
        Assert.Empty(Step(translator, ("content_block_delta", """{"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"hm"}}""")).Chunks);
        Assert.Empty(Step(translator, ("some_future_event", """{"type":"some_future_event"}""")).Chunks);
    }

    internal static ChatStreamStep Step(AnthropicToChatStream translator, (string Event, string Data) e) =>
        translator.OnEvent(e.Event, WireJson.Object(e.Data));
}
