using System.Text.Json.Nodes;
using LocalOpenAi.Formats.Anthropic;

namespace LocalOpenAi.Tests.Formats.Anthropic;

/// <summary>Anthropic → chat → Anthropic: what a client sends reaches a Claude upstream unchanged, and what Claude answers reaches the client unchanged.</summary>
public sealed class AnthropicRoundTripTests
{
    [Fact]
    public void A_request_survives_the_trip_through_the_chat_form()
    {
        const string Request = """
            {"model":"claude-sonnet","max_tokens":256,"system":"Be terse.",
             "messages":[
               {"role":"user","content":"Weather in Paris?"},
               {"role":"assistant","content":[{"type":"text","text":"Checking."},{"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"city":"Paris"}}]},
               {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"18C"},{"type":"text","text":"And tomorrow?"}]}],
             "tools":[{"name":"get_weather","description":"Weather now","input_schema":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}],
             "tool_choice":{"type":"auto","disable_parallel_tool_use":true},
             "stop_sequences":["END"],"temperature":0.3,"top_p":0.9,"top_k":10,"stream":true,"metadata":{"user_id":"u-1"}}
            """;

        var chat = AnthropicRequestTranslator.ToChat(WireJson.Object(Request));
        var back = AnthropicUpstreamTranslator.ChatToAnthropicRequest(chat.Body!, "claude-sonnet", 1024);

        WireJson.Equal(Request, back.Body);
    }

    [Fact]
    public void A_message_survives_the_trip_through_the_chat_form()
    {
        const string Message = """
            {"id":"msg_01A","type":"message","role":"assistant","model":"claude-sonnet",
             "content":[{"type":"text","text":"Checking."},{"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"city":"Paris","days":[1,2]}}],
             "stop_reason":"tool_use","stop_sequence":null,
             "usage":{"input_tokens":100,"cache_creation_input_tokens":0,"cache_read_input_tokens":300,"output_tokens":42}}
            """;

        var chat = AnthropicUpstreamTranslator.AnthropicToChatResponse(WireJson.Object(Message), "local-alias", 0);

        WireJson.Equal(Message, AnthropicResponseTranslator.FromChat(chat, "claude-sonnet"));
    }

    [Fact]
    public void A_stream_survives_the_trip_through_chat_chunks()
    {
        var upstream = new AnthropicToChatStream("claude-sonnet", 0, includeUsage: true);
        var client = new AnthropicStreamTranslator("claude-sonnet");

        var events = AnthropicToChatStreamTests.TextThenToolUse
            .SelectMany(e => AnthropicToChatStreamTests.Step(upstream, e).Chunks)
            .SelectMany(client.OnChunk)
            .ToList();
        events.AddRange(client.Complete());

        var original = AnthropicToChatStreamTests.TextThenToolUse
            .Where(e => e.Event.StartsWith("content_block", StringComparison.Ordinal) && !e.Data.Contains("\"partial_json\":\"\"", StringComparison.Ordinal))
            .Select(e => JsonNode.Parse(e.Data))
            .ToArray();
        WireJson.Equal(
            new JsonArray(original).ToJsonString(),
            new JsonArray(events.Where(e => e.Event.StartsWith("content_block", StringComparison.Ordinal)).Select(e => e.Data.DeepClone()).ToArray()));
        Assert.Equal("msg_s1", (string?)events[0].Data["message"]!["id"]);
        WireJson.Equal(
            """{"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"input_tokens":472,"cache_creation_input_tokens":0,"cache_read_input_tokens":128,"output_tokens":89}}""",
            events[^2].Data);
    }
}
