using System.Text.Json;
using LocalOpenAi.Formats.Anthropic;
using LocalOpenAi.Formats.OpenAi;

namespace LocalOpenAi.Tests.Formats.Anthropic;

public sealed class AnthropicUpstreamResponseTests
{
    [Fact]
    public void A_message_with_text_and_tool_use_becomes_a_chat_completion()
    {
        var message = WireJson.Object("""
            {"id":"msg_01A","type":"message","role":"assistant","model":"claude-sonnet-4-5",
             "content":[{"type":"thinking","thinking":"hmm","signature":"x"},{"type":"text","text":"Checking "},{"type":"text","text":"now."},
                        {"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"city":"Paris"}},
                        {"type":"tool_use","id":"toolu_2","name":"get_time","input":{}}],
             "stop_reason":"tool_use","stop_sequence":null,
             "usage":{"input_tokens":100,"cache_creation_input_tokens":20,"cache_read_input_tokens":300,"output_tokens":42}}
            """);

        var chat = AnthropicUpstreamTranslator.AnthropicToChatResponse(message, "claude", 1_700_000_000);

        WireJson.Equal("""
            {"id":"chatcmpl-01A","object":"chat.completion","created":1700000000,"model":"claude","system_fingerprint":"anthropic",
             "choices":[{"index":0,"message":{"role":"assistant","content":"Checking now.","tool_calls":[
                 {"id":"toolu_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}},
                 {"id":"toolu_2","type":"function","function":{"name":"get_time","arguments":"{}"}}]},
               "logprobs":null,"finish_reason":"tool_calls"}],
             "usage":{"prompt_tokens":420,"completion_tokens":42,"total_tokens":462,"prompt_tokens_details":{"cached_tokens":300}}}
            """, chat);
        var typed = chat.Deserialize(OpenAiJson.Default.ChatCompletionResponse)!;
        Assert.Equal("get_time", typed.Choices[0].Message.ToolCalls![1].Function.Name);
        Assert.Equal(300, typed.Usage.PromptTokensDetails!.CachedTokens);
    }

    [Fact]
    public void Tool_use_alone_leaves_the_content_null()
    {
        var chat = AnthropicUpstreamTranslator.AnthropicToChatResponse(
            WireJson.Object("""{"id":"msg_1","content":[{"type":"tool_use","id":"t","name":"f","input":{"a":[1,2]}}],"stop_reason":"tool_use","usage":{"input_tokens":1,"output_tokens":2}}"""), "c", 0);

        WireJson.Equal("""{"role":"assistant","content":null,"tool_calls":[{"id":"t","type":"function","function":{"name":"f","arguments":"{\"a\":[1,2]}"}}]}""", chat["choices"]![0]!["message"]);
    }

    [Theory]
    [InlineData("end_turn", "stop")]
    [InlineData("stop_sequence", "stop")]
    [InlineData("pause_turn", "stop")]
    [InlineData("max_tokens", "length")]
    [InlineData("model_context_window_exceeded", "length")]
    [InlineData("tool_use", "tool_calls")]
    [InlineData("refusal", "content_filter")]
    public void The_stop_reason_becomes_the_finish_reason(string stopReason, string finishReason)
    {
        var chat = AnthropicUpstreamTranslator.AnthropicToChatResponse(WireJson.Object($$"""{"id":"msg_1","content":[{"type":"text","text":"x"}],"stop_reason":"{{stopReason}}"}"""), "c", 0);

        Assert.Equal(finishReason, (string?)chat["choices"]![0]!["finish_reason"]);
    }
}
