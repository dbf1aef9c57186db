using System.Text.Json;
using LocalOpenAi.Formats.Anthropic;
using LocalOpenAi.Formats.OpenAi;

namespace LocalOpenAi.Tests.Formats.Anthropic;

public sealed class AnthropicRequestTranslatorTests
{
    [Fact]
    public void A_plain_text_request_becomes_a_chat_request()
    {
        var chat = Translate("""{"model":"claude-x","max_tokens":64,"messages":[{"role":"user","content":"Hello"}]}""");

        WireJson.Equal("""{"model":"claude-x","max_tokens":64,"messages":[{"role":"user","content":"Hello"}]}""", chat);
    }

    [Fact]
    public void System_blocks_tools_sampling_and_streaming_are_translated()
    {
        var chat = Translate("""
            {"model":"m","max_tokens":100,"stream":true,"temperature":0.5,"top_p":0.9,"top_k":40,
             "stop_sequences":["END","###"],"metadata":{"user_id":"u-1"},"service_tier":"auto",
             "system":[{"type":"text","text":"You are terse."},{"type":"text","text":"Answer in French.","cache_control":{"type":"ephemeral"}}],
             "tools":[{"name":"get_weather","description":"Weather now","input_schema":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}],
             "tool_choice":{"type":"any","disable_parallel_tool_use":true},
             "messages":[{"role":"user","content":[{"type":"text","text":"Weather in Paris?"}]}]}
            """);

        WireJson.Equal("""
            {"model":"m","max_tokens":100,
             "messages":[{"role":"system","content":"You are terse.\nAnswer in French."},{"role":"user","content":"Weather in Paris?"}],
             "tools":[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]},"description":"Weather now"}}],
             "tool_choice":"required","parallel_tool_calls":false,
             "stop":["END","###"],"temperature":0.5,"top_p":0.9,"top_k":40,
             "stream":true,"stream_options":{"include_usage":true},"user":"u-1"}
            """, chat);
    }

    [Fact]
    public void Multi_block_tool_use_becomes_tool_calls_and_tool_messages_before_the_user_text()
    {
        var chat = Translate("""
            {"model":"m","max_tokens":10,"messages":[
              {"role":"user","content":"Weather in Paris and Rome?"},
              {"role":"assistant","content":[
                {"type":"thinking","thinking":"...","signature":"s"},
                {"type":"text","text":"Checking both."},
                {"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"city":"Paris"}},
                {"type":"tool_use","id":"toolu_2","name":"get_weather","input":{"city":"Rome"}}]},
              {"role":"user","content":[
                {"type":"text","text":"Be brief."},
                {"type":"tool_result","tool_use_id":"toolu_1","content":"18C"},
                {"type":"tool_result","tool_use_id":"toolu_2","content":[{"type":"text","text":"no data"}],"is_error":true}]}]}
            """);

        WireJson.Equal("""
            [{"role":"user","content":"Weather in Paris and Rome?"},
             {"role":"assistant","content":"Checking both.","tool_calls":[
               {"id":"toolu_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}},
               {"id":"toolu_2","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Rome\"}"}}]},
             {"role":"tool","tool_call_id":"toolu_1","content":"18C"},
             {"role":"tool","tool_call_id":"toolu_2","content":"Error: no data"},
             {"role":"user","content":"Be brief."}]
            """, chat["messages"]);
    }

    [Fact]
    public void Consecutive_turns_of_one_role_are_merged()
    {
        var chat = Translate("""
            {"model":"m","max_tokens":10,"messages":[
              {"role":"user","content":"one"},{"role":"user","content":[{"type":"text","text":"two"},{"type":"text","text":"three"}]},
              {"role":"assistant","content":"a"},{"role":"assistant","content":[{"type":"tool_use","id":"t","name":"f","input":{}}]}]}
            """);

        WireJson.Equal("""
            [{"role":"user","content":"one\ntwo\nthree"},
             {"role":"assistant","content":"a","tool_calls":[{"id":"t","type":"function","function":{"name":"f","arguments":"{}"}}]}]
            """, chat["messages"]);
    }

    [Fact]
    public void A_system_turn_inside_messages_stays_in_place()
    {
        var chat = Translate("""
            {"model":"m","max_tokens":10,"system":"first","messages":[
              {"role":"user","content":"q"},{"role":"system","content":[{"type":"text","text":"now answer in French"}]},{"role":"user","content":"r"}]}
            """);

        WireJson.Equal("""
            [{"role":"system","content":"first"},{"role":"user","content":"q"},{"role":"system","content":"now answer in French"},{"role":"user","content":"r"}]
            """, chat["messages"]);
    }

    [Theory]
    [InlineData("""{"type":"auto"}""", "\"auto\"", null)]
    [InlineData("""{"type":"any"}""", "\"required\"", null)]
    [InlineData("""{"type":"none"}""", "\"none\"", null)]
    [InlineData("""{"type":"tool","name":"f"}""", """{"type":"function","function":{"name":"f"}}""", null)]
    [InlineData("""{"type":"auto","disable_parallel_tool_use":false}""", "\"auto\"", true)]
    [InlineData("""{"type":"tool","name":"f","disable_parallel_tool_use":true}""", """{"type":"function","function":{"name":"f"}}""", false)]
    public void Tool_choice_maps_to_the_chat_form(string choice, string expected, bool? parallel)
    {
        var chat = Translate($$$"""{"model":"m","max_tokens":5,"tools":[{"name":"f","input_schema":{"type":"object"}}],"tool_choice":{{{choice}}},"messages":[{"role":"user","content":"x"}]}""");

        WireJson.Equal(expected, chat["tool_choice"]);
        Assert.Equal(parallel, (bool?)chat["parallel_tool_calls"]);
    }

    [Fact]
    public void Disabled_thinking_custom_tools_and_a_json_schema_output_are_accepted()
    {
        var chat = Translate("""
            {"model":"m","max_tokens":5,"thinking":{"type":"disabled"},"output_config":{"effort":"low","format":{"type":"json_schema","schema":{"type":"object"}}},
             "tools":[{"type":"custom","name":"f","input_schema":{"type":"object"},"strict":true}],"messages":[{"role":"user","content":"x"}]}
            """);

        WireJson.Equal("""{"type":"json_schema","json_schema":{"name":"output","schema":{"type":"object"}}}""", chat["response_format"]);
        WireJson.Equal("""[{"type":"function","function":{"name":"f","parameters":{"type":"object"},"strict":true}}]""", chat["tools"]);
    }

    [Fact]
    public void The_structured_outputs_betas_output_format_is_the_same_format()
    {
        var chat = Translate("""
            {"model":"m","max_tokens":5,"output_format":{"type":"json_schema","schema":{"type":"object","properties":{"a":{"type":"integer"}}}},
             "messages":[{"role":"user","content":"x"}]}
            """);

        WireJson.Equal("""{"type":"json_schema","json_schema":{"name":"output","schema":{"type":"object","properties":{"a":{"type":"integer"}}}}}""", chat["response_format"]);
    }

    [Fact]
    public void Token_counting_needs_no_max_tokens()
    {
        var translation = AnthropicRequestTranslator.ToChatForTokenCount(WireJson.Object("""{"model":"m","system":"s","messages":[{"role":"user","content":"x"}]}"""));

        Assert.True(translation.Succeeded);
        WireJson.Equal("""{"model":"m","messages":[{"role":"system","content":"s"},{"role":"user","content":"x"}]}""", translation.Body);
    }

    [Fact]
    public void The_chat_body_deserialises_as_the_servers_chat_request()
    {
        var chat = Translate("""
            {"model":"m","max_tokens":9,"stream":true,"stop_sequences":["x"],"system":"s",
             "tools":[{"name":"f","input_schema":{"type":"object"}}],"tool_choice":{"type":"tool","name":"f"},
             "messages":[{"role":"user","content":"q"},{"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"f","input":{"a":1}}]},
                         {"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":"ok"}]}]}
            """);

        var request = chat.Deserialize(OpenAiJson.Default.ChatCompletionRequest)!;

        Assert.Equal(9, request.EffectiveMaxTokens);
        Assert.Equal(["system", "user", "assistant", "tool"], request.Messages!.Select(m => m.Role));
        Assert.Equal("""{"a":1}""", request.Messages![2].ToolCalls![0].Function.Arguments);
        Assert.Equal("t1", request.Messages[3].ToolCallId);
        Assert.Equal("f", request.Tools![0].Function.Name);
        Assert.True(request.StreamOptions!.IncludeUsage);
        Assert.Equal(["x"], request.Stop!);
    }

    private static System.Text.Json.Nodes.JsonObject Translate(string body)
    {
        var translation = AnthropicRequestTranslator.ToChat(WireJson.Object(body));
        Assert.True(translation.Succeeded, translation.Error?.Message);
        return translation.Body;
    }
}
