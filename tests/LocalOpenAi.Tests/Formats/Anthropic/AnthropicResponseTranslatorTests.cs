using System.Text.Json;
using LocalOpenAi.Formats.Anthropic;
using LocalOpenAi.Formats.OpenAi;

namespace LocalOpenAi.Tests.Formats.Anthropic;

public sealed class AnthropicResponseTranslatorTests
{
    [Fact]
    public void A_text_completion_becomes_a_message_with_usage_and_cached_tokens()
    {
        var completion = new ChatCompletionResponse
        {
            Id = "chatcmpl-req42",
            Created = 1,
            Model = "local",
            SystemFingerprint = "fp",
            Choices = [new ChatChoice { Index = 0, Message = new ChatMessage { Role = "assistant", Content = "Bonjour" }, FinishReason = "stop" }],
            Usage = new Usage { PromptTokens = 30, CompletionTokens = 4, TotalTokens = 34, PromptTokensDetails = new PromptTokensDetails { CachedTokens = 20 } },
        };
        var chat = JsonSerializer.SerializeToNode(completion, OpenAiJson.Default.ChatCompletionResponse)!.AsObject();

        var message = AnthropicResponseTranslator.FromChat(chat, "claude-local");

        WireJson.Equal("""
            {"id":"msg_req42","type":"message","role":"assistant","model":"claude-local",
             "content":[{"type":"text","text":"Bonjour"}],"stop_reason":"end_turn","stop_sequence":null,
             "usage":{"input_tokens":10,"cache_creation_input_tokens":0,"cache_read_input_tokens":20,"output_tokens":4}}
            """, message);
    }

    [Fact]
    public void Text_and_several_tool_calls_become_text_and_tool_use_blocks()
    {
        var chat = WireJson.Object("""
            {"id":"chatcmpl-a","object":"chat.completion","choices":[{"index":0,"finish_reason":"tool_calls","message":{"role":"assistant","content":"Let me check.",
              "tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}},
                            {"id":"call_2","type":"function","function":{"name":"get_time","arguments":"{not json"}},
                            {"id":"call_3","type":"function","function":{"name":"noop","arguments":""}}]}}],
             "usage":{"prompt_tokens":12,"completion_tokens":30,"total_tokens":42}}
            """);

        var message = AnthropicResponseTranslator.FromChat(chat, "m");

        WireJson.Equal("""
            [{"type":"text","text":"Let me check."},
             {"type":"tool_use","id":"call_1","name":"get_weather","input":{"city":"Paris"}},
             {"type":"tool_use","id":"call_2","name":"get_time","input":{}},
             {"type":"tool_use","id":"call_3","name":"noop","input":{}}]
            """, message["content"]);
        Assert.Equal("tool_use", (string?)message["stop_reason"]);
        WireJson.Equal("""{"input_tokens":12,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":30}""", message["usage"]);
    }

    [Theory]
    [InlineData("stop", null, "end_turn", null)]
    [InlineData("stop", "###", "stop_sequence", "###")]
    [InlineData("length", null, "max_tokens", null)]
    [InlineData("length", "###", "max_tokens", null)]
    [InlineData("tool_calls", null, "tool_use", null)]
    [InlineData("content_filter", null, "refusal", null)]
    public void The_finish_reason_becomes_the_stop_reason(string finish, string? matched, string stopReason, string? stopSequence)
    {
        var chat = WireJson.Object($$"""{"id":"chatcmpl-a","choices":[{"index":0,"message":{"role":"assistant","content":"x"},"finish_reason":"{{finish}}"}]}""");

        var message = AnthropicResponseTranslator.FromChat(chat, "m", matched);

        Assert.Equal(stopReason, (string?)message["stop_reason"]);
        Assert.Equal(stopSequence, (string?)message["stop_sequence"]);
    }

    [Fact]
    public void An_empty_answer_has_no_empty_text_block() =>
        WireJson.Equal("[]", AnthropicResponseTranslator.FromChat(WireJson.Object("""{"choices":[{"message":{"role":"assistant","content":""},"finish_reason":"stop"}]}"""), "m")["content"]);

    [Fact]
    public void Token_count_answers_with_input_tokens() =>
        WireJson.Equal("""{"input_tokens":17}""", AnthropicResponseTranslator.TokenCount(17));
}
