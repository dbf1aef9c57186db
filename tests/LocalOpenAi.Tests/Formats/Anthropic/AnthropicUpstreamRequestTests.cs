using LocalOpenAi.Formats.Anthropic;

namespace LocalOpenAi.Tests.Formats.Anthropic;

public sealed class AnthropicUpstreamRequestTests
{
    [Fact]
    public void A_tool_conversation_becomes_an_alternating_anthropic_request()
    {
        var request = Translate("""
            {"model":"cloud","messages":[
              {"role":"system","content":"You are terse."},
              {"role":"developer","content":"Use metric units."},
              {"role":"user","content":[{"type":"text","text":"Weather in "},{"type":"text","text":"Paris and Rome?"}]},
              {"role":"assistant","content":null,"tool_calls":[
                {"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}},
                {"id":"call_2","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Rome\"}"}}]},
              {"role":"tool","tool_call_id":"call_1","content":"18C"},
              {"role":"tool","tool_call_id":"call_2","content":"21C"},
              {"role":"user","content":"Thanks."}],
             "tools":[{"type":"function","function":{"name":"get_weather","description":"Weather now","parameters":{"type":"object","properties":{"city":{"type":"string"}}}}},
                      {"type":"function","function":{"name":"now"}}],
             "tool_choice":"required","parallel_tool_calls":false,"max_completion_tokens":300,"max_tokens":100,
             "stop":"END","temperature":1.7,"top_p":0.8,"top_k":20,"stream":true,"stream_options":{"include_usage":true},"user":"u-7","seed":3}
            """);

        WireJson.Equal("""
            {"model":"claude-sonnet","max_tokens":300,"system":"You are terse.\nUse metric units.",
             "messages":[
               {"role":"user","content":"Weather in Paris and Rome?"},
               {"role":"assistant","content":[
                 {"type":"tool_use","id":"call_1","name":"get_weather","input":{"city":"Paris"}},
                 {"type":"tool_use","id":"call_2","name":"get_weather","input":{"city":"Rome"}}]},
               {"role":"user","content":[
                 {"type":"tool_result","tool_use_id":"call_1","content":"18C"},
                 {"type":"tool_result","tool_use_id":"call_2","content":"21C"},
                 {"type":"text","text":"Thanks."}]}],
             "tools":[{"name":"get_weather","description":"Weather now","input_schema":{"type":"object","properties":{"city":{"type":"string"}}}},
                      {"name":"now","input_schema":{"type":"object","properties":{}}}],
             "tool_choice":{"type":"any","disable_parallel_tool_use":true},
             "stop_sequences":["END"],"temperature":1.0,"top_p":0.8,"top_k":20,"stream":true,"metadata":{"user_id":"u-7"}}
            """, request);
    }

    [Theory]
    [InlineData("\"auto\"", null, """{"type":"auto"}""")]
    [InlineData("\"none\"", false, """{"type":"none"}""")]
    [InlineData("\"required\"", null, """{"type":"any"}""")]
    [InlineData("""{"type":"function","function":{"name":"f"}}""", null, """{"type":"tool","name":"f"}""")]
    [InlineData("""{"type":"function","function":{"name":"f"}}""", false, """{"type":"tool","name":"f","disable_parallel_tool_use":true}""")]
    [InlineData(null, false, """{"type":"auto","disable_parallel_tool_use":true}""")]
    public void Tool_choice_maps_to_anthropics(string? choice, bool? parallel, string expected)
    {
        var body = WireJson.Object("""{"messages":[{"role":"user","content":"x"}],"tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object"}}}]}""");
        if (choice is not null)
        {
            body["tool_choice"] = System.Text.Json.Nodes.JsonNode.Parse(choice);
        }

        if (parallel is not null)
        {
            body["parallel_tool_calls"] = parallel;
        }

        WireJson.Equal(expected, Translate(body.ToJsonString())["tool_choice"]);
    }

    [Fact]
    public void Max_tokens_falls_back_to_max_tokens_then_to_the_default()
    {
        Assert.Equal(50, (int)Translate("""{"max_tokens":50,"messages":[{"role":"user","content":"x"}]}""")["max_tokens"]!);
        Assert.Equal(1024, (int)Translate("""{"messages":[{"role":"user","content":"x"}]}""")["max_tokens"]!);
    }

    [Fact]
    public void A_json_schema_response_format_becomes_the_output_format() =>
        WireJson.Equal(
            """{"format":{"type":"json_schema","schema":{"type":"object","properties":{"a":{"type":"integer"}}}}}""",
            Translate("""{"messages":[{"role":"user","content":"x"}],"response_format":{"type":"json_schema","json_schema":{"name":"r","schema":{"type":"object","properties":{"a":{"type":"integer"}}}}}}""")["output_config"]);

    [Theory]
    [InlineData("""{"n":2}""", "n", "n: an Anthropic upstream returns one choice")]
    [InlineData("""{"logprobs":true}""", "logprobs", "logprobs: an Anthropic upstream returns no logprobs")]
    [InlineData("""{"grammar":"root ::= \"a\""}""", "grammar", "grammar: an Anthropic upstream takes no grammar")]
    [InlineData("""{"response_format":{"type":"json_object"}}""", "response_format.type", "response_format.type: an Anthropic upstream takes a json_schema, not json_object")]
    [InlineData("""{"stop":[1]}""", "stop.0", "stop.0: Input should be a valid string")]
    [InlineData("""{"tool_choice":"sometimes"}""", "tool_choice", "tool_choice: Input should be 'auto', 'required', 'none' or a named function")]
    [InlineData("""{"messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"http://x"}}]}]}""", "messages.0.content.0.type", "messages.0.content.0.type: 'image_url' parts cannot be forwarded to an Anthropic upstream")]
    [InlineData("""{"messages":[{"role":"tool","content":"r"}]}""", "messages.0.tool_call_id", "messages.0.tool_call_id: Field required")]
    [InlineData("""{"messages":[{"role":"critic","content":"r"}]}""", "messages.0.role", "messages.0.role: Input should be 'system', 'developer', 'user', 'assistant' or 'tool'")]
    public void What_anthropic_cannot_serve_is_an_error_naming_the_field(string options, string field, string message)
    {
        var body = WireJson.Object(options);
        body["messages"] ??= System.Text.Json.Nodes.JsonNode.Parse("""[{"role":"user","content":"x"}]""");

        var translation = AnthropicUpstreamTranslator.ChatToAnthropicRequest(body, "claude-sonnet", 1024);

        Assert.Equal(new AnthropicError(AnthropicErrorTypes.InvalidRequest, message, field), translation.Error);
    }

    private static System.Text.Json.Nodes.JsonObject Translate(string chatBody)
    {
        var translation = AnthropicUpstreamTranslator.ChatToAnthropicRequest(WireJson.Object(chatBody), "claude-sonnet", 1024);
        Assert.True(translation.Succeeded, translation.Error?.Message);
        return translation.Body;
    }
}
