using System.Text.Json;
using System.Text.Json.Nodes;
using LocalOpenAi.Formats.OpenAi;
using LocalOpenAi.Formats.Responses;

namespace LocalOpenAi.Tests.Formats.Responses;

public sealed class ResponsesRequestTranslatorTests
{
    [Fact]
    public void A_string_input_with_instructions_and_settings_becomes_a_system_and_a_user_message()
    {
        var request = Translate("""
            {"model":"llama","input":"Hello","instructions":"Be brief.","temperature":0.2,"top_p":0.9,
             "max_output_tokens":64,"user":"u-1","parallel_tool_calls":false,"store":false,"metadata":{"k":"v"}}
            """);

        JsonAssert.Equal("""
            {"model":"llama",
             "messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Hello"}],
             "parallel_tool_calls":false,"temperature":0.2,"top_p":0.9,"max_tokens":64,"user":"u-1"}
            """, request.Chat);
        JsonAssert.Equal("""
            [{"type":"message","role":"user","content":[{"type":"input_text","text":"Hello"}],"status":"completed"}]
            """, new JsonArray([.. request.InputItems.Select(item => item.DeepClone())]));
    }

    [Fact]
    public void Message_items_keep_their_roles_and_join_text_parts_as_chat_text_parts()
    {
        var request = Translate("""
            {"input":[
              {"role":"developer","content":"Answer in French."},
              {"type":"message","id":"msg_1","role":"user","content":[{"type":"input_text","text":"Bonjour"},{"type":"input_text","text":" !"}]},
              {"type":"message","role":"assistant","content":[{"type":"output_text","text":"Salut","annotations":[]}]},
              {"role":"system","content":[{"type":"input_text","text":"Stay polite."}]}]}
            """);

        JsonAssert.Equal("""
            [{"role":"developer","content":"Answer in French."},
             {"role":"user","content":[{"type":"text","text":"Bonjour"},{"type":"text","text":" !"}]},
             {"role":"assistant","content":"Salut"},
             {"role":"system","content":"Stay polite."}]
            """, request.Chat["messages"]);
        JsonAssert.Equal("""
            {"id":"msg_1","type":"message","role":"user","content":[{"type":"input_text","text":"Bonjour"},{"type":"input_text","text":" !"}],"status":"completed"}
            """, request.InputItems[1]);
        JsonAssert.Equal("""
            {"type":"message","role":"assistant","content":[{"type":"output_text","text":"Salut","annotations":[]}],"status":"completed"}
            """, request.InputItems[2]);
    }

    [Fact]
    public void An_earlier_refusal_is_replayed_as_the_assistants_words()
    {
        var request = Translate("""
            {"input":[{"role":"user","content":"Do the bad thing."},
                      {"type":"message","role":"assistant","content":[{"type":"refusal","refusal":"I can't help with that."}]},
                      {"role":"user","content":"OK, something else."}]}
            """);

        Assert.Equal("I can't help with that.", (string?)request.Chat["messages"]![1]!["content"]);
        JsonAssert.Equal("""[{"type":"refusal","refusal":"I can't help with that."}]""", request.InputItems[1]["content"]);
    }

    [Fact]
    public void Function_calls_join_the_assistant_message_and_their_outputs_become_tool_messages()
    {
        var request = Translate("""
            {"input":[
              {"role":"user","content":"Weather in Paris and Rome?"},
              {"type":"message","role":"assistant","content":[{"type":"output_text","text":"Checking.","annotations":[]}]},
              {"type":"function_call","id":"fc_1","call_id":"call_a","name":"weather","arguments":"{\"city\":\"Paris\"}","status":"completed"},
              {"type":"function_call","call_id":"call_b","name":"weather","arguments":"{\"city\":\"Rome\"}"},
              {"type":"function_call_output","call_id":"call_a","output":"18C"},
              {"type":"function_call_output","call_id":"call_b","output":[{"type":"input_text","text":"21C"}]}]}
            """);

        JsonAssert.Equal("""
            [{"role":"user","content":"Weather in Paris and Rome?"},
             {"role":"assistant","content":"Checking.","tool_calls":[
               {"id":"call_a","type":"function","function":{"name":"weather","arguments":"{\"city\":\"Paris\"}"}},
               {"id":"call_b","type":"function","function":{"name":"weather","arguments":"{\"city\":\"Rome\"}"}}]},
             {"role":"tool","tool_call_id":"call_a","content":"18C"},
             {"role":"tool","tool_call_id":"call_b","content":"21C"}]
            """, request.Chat["messages"]);
        JsonAssert.Equal("""
            {"id":"fc_1","type":"function_call","call_id":"call_a","name":"weather","arguments":"{\"city\":\"Paris\"}","status":"completed"}
            """, request.InputItems[2]);
        JsonAssert.Equal("""
            {"type":"function_call_output","call_id":"call_b","output":[{"type":"input_text","text":"21C"}],"status":"completed"}
            """, request.InputItems[5]);
    }

    [Fact]
    public void A_function_call_without_a_message_before_it_gets_a_content_less_assistant_message()
    {
        var request = Translate("""
            {"input":[{"role":"user","content":"Time?"},{"type":"function_call","call_id":"c1","name":"now","arguments":"{}"},
                      {"type":"function_call_output","call_id":"c1","output":"noon"}]}
            """);

        JsonAssert.Equal("""
            [{"role":"user","content":"Time?"},
             {"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function","function":{"name":"now","arguments":"{}"}}]},
             {"role":"tool","tool_call_id":"c1","content":"noon"}]
            """, request.Chat["messages"]);
    }

    [Fact]
    public void Previous_items_come_before_the_new_input_and_previous_instructions_are_not_carried_over()
    {
        var first = Translate("""{"input":"What is 2+2?","instructions":"Be brief."}""");
        var firstOutput = JsonAssert.Parse("""
            {"id":"msg_r1_0","type":"message","status":"completed","role":"assistant","content":[{"type":"output_text","annotations":[],"text":"4"}]}
            """);
        var previous = first.Conversation.Append(firstOutput).ToList();

        var second = Translate("""{"input":"And times 3?","previous_response_id":"resp_r1","instructions":"Use digits."}""", previous);

        JsonAssert.Equal("""
            [{"role":"system","content":"Use digits."},
             {"role":"user","content":"What is 2+2?"},
             {"role":"assistant","content":"4"},
             {"role":"user","content":"And times 3?"}]
            """, second.Chat["messages"]);
        Assert.Single(second.InputItems);
        Assert.Equal(3, second.Conversation.Count);
        Assert.Equal("And times 3?", (string?)second.Conversation[^1]["content"]![0]!["text"]);
    }

    [Fact]
    public void A_function_call_output_answers_a_call_from_the_previous_response()
    {
        var previous = new List<JsonObject>
        {
            JsonAssert.Parse("""{"type":"message","role":"user","content":[{"type":"input_text","text":"Time?"}],"status":"completed"}"""),
            JsonAssert.Parse("""{"id":"fc_r1_0","type":"function_call","status":"completed","arguments":"{}","call_id":"call_9","name":"now"}"""),
        };

        var request = Translate("""{"previous_response_id":"resp_r1","input":[{"type":"function_call_output","call_id":"call_9","output":"noon"}]}""", previous);

        JsonAssert.Equal("""
            [{"role":"user","content":"Time?"},
             {"role":"assistant","content":null,"tool_calls":[{"id":"call_9","type":"function","function":{"name":"now","arguments":"{}"}}]},
             {"role":"tool","tool_call_id":"call_9","content":"noon"}]
            """, request.Chat["messages"]);
    }

    [Fact]
    public void Function_tools_and_a_named_tool_choice_become_chat_tools()
    {
        var request = Translate("""
            {"input":"hi","tool_choice":{"type":"function","name":"weather"},"tools":[
              {"type":"function","name":"weather","description":"Current weather","parameters":{"type":"object","properties":{"city":{"type":"string"}}},"strict":true},
              {"type":"function","name":"now"}]}
            """);

        JsonAssert.Equal("""
            [{"type":"function","function":{"name":"weather","description":"Current weather","parameters":{"type":"object","properties":{"city":{"type":"string"}}},"strict":true}},
             {"type":"function","function":{"name":"now"}}]
            """, request.Chat["tools"]);
        JsonAssert.Equal("""{"type":"function","function":{"name":"weather"}}""", request.Chat["tool_choice"]);
    }

    [Theory]
    [InlineData("auto")]
    [InlineData("none")]
    [InlineData("required")]
    public void A_tool_choice_mode_is_kept(string mode)
    {
        var request = Translate($$"""{"input":"hi","tool_choice":"{{mode}}","tools":[{"type":"function","name":"f"}]}""");

        Assert.Equal(mode, (string?)request.Chat["tool_choice"]);
    }

    [Fact]
    public void A_json_schema_text_format_becomes_a_json_schema_response_format()
    {
        var request = Translate("""
            {"input":"hi","text":{"format":{"type":"json_schema","name":"answer","description":"The answer","strict":true,
              "schema":{"type":"object","properties":{"n":{"type":"integer"}},"required":["n"],"additionalProperties":false}}}}
            """);

        JsonAssert.Equal("""
            {"type":"json_schema","json_schema":{"name":"answer","description":"The answer",
              "schema":{"type":"object","properties":{"n":{"type":"integer"}},"required":["n"],"additionalProperties":false},"strict":true}}
            """, request.Chat["response_format"]);
    }

    [Fact]
    public void Json_object_and_text_formats_map_to_json_object_and_to_nothing()
    {
        Assert.Equal("json_object", (string?)Translate("""{"input":"hi","text":{"format":{"type":"json_object"}}}""").Chat["response_format"]!["type"]);
        Assert.False(Translate("""{"input":"hi","text":{"format":{"type":"text"}}}""").Chat.ContainsKey("response_format"));
    }

    [Fact]
    public void Streaming_asks_for_the_usage_chunk()
    {
        var request = Translate("""{"input":"hi","stream":true}""");

        Assert.True((bool)request.Chat["stream"]!);
        Assert.True((bool)request.Chat["stream_options"]!["include_usage"]!);
    }

    [Fact]
    public void Defaults_and_no_effect_fields_are_accepted()
    {
        var request = Translate("""
            {"input":"hi","background":false,"reasoning":{"effort":null,"summary":null},"include":[],"truncation":"disabled",
             "conversation":null,"prompt":null,"top_logprobs":0,"service_tier":"auto","prompt_cache_key":"k","safety_identifier":"s",
             "stream_options":{"include_obfuscation":false},"text":{"verbosity":null}}
            """);

        JsonAssert.Equal("""{"messages":[{"role":"user","content":"hi"}]}""", request.Chat);
    }

    [Fact]
    public void The_chat_request_deserialises_as_the_servers_chat_completion_request()
    {
        var request = Translate("""
            {"model":"m","input":[{"role":"user","content":[{"type":"input_text","text":"a"},{"type":"input_text","text":"b"}]},
              {"type":"function_call","call_id":"c","name":"f","arguments":"{}"},{"type":"function_call_output","call_id":"c","output":"ok"}],
             "tools":[{"type":"function","name":"f","parameters":{"type":"object"}}],"tool_choice":"auto","max_output_tokens":32,"stream":true,
             "text":{"format":{"type":"json_object"}}}
            """);

        var chat = request.Chat.Deserialize(OpenAiJson.Default.ChatCompletionRequest)!;

        Assert.Equal(["user", "assistant", "tool"], chat.Messages!.Select(message => message.Role));
        Assert.Equal("ab", chat.Messages![0].Content);
        Assert.Equal("c", chat.Messages![1].ToolCalls![0].Id);
        Assert.Equal("f", chat.Tools![0].Function.Name);
        Assert.Equal(32, chat.EffectiveMaxTokens);
        Assert.True(chat.StreamOptions!.IncludeUsage);
    }

    private static ResponsesChatRequest Translate(string body, IReadOnlyList<JsonObject>? previous = null)
    {
        var translation = ResponsesRequestTranslator.ToChat(JsonAssert.Parse(body), previous);
        Assert.Null(translation.Error);
        return translation.Request!;
    }
}
