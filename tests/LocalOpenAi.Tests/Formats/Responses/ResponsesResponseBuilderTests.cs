using LocalOpenAi.Formats.Responses;

namespace LocalOpenAi.Tests.Formats.Responses;

public sealed class ResponsesResponseBuilderTests
{
    private static readonly ResponseContext Context = new() { Id = "resp_abc", CreatedAt = 1_700_000_000 };

    [Fact]
    public void A_text_completion_becomes_a_completed_response_with_one_message_and_the_usage()
    {
        var chat = JsonAssert.Parse("""
            {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"llama","system_fingerprint":"fp",
             "choices":[{"index":0,"message":{"role":"assistant","content":"Hi there"},"logprobs":null,"finish_reason":"stop"}],
             "usage":{"prompt_tokens":12,"completion_tokens":3,"total_tokens":15,"prompt_tokens_details":{"cached_tokens":8}}}
            """);
        var context = ResponseContext.FromRequest("resp_abc", 1_700_000_000, JsonAssert.Parse("""
            {"model":"llama","input":"Hi","instructions":"Be kind.","temperature":0.5,"max_output_tokens":100,"metadata":{"k":"v"},
             "previous_response_id":"resp_prev","store":false,"user":"u1"}
            """));

        var response = ResponsesResponseBuilder.FromChat(chat, context);

        JsonAssert.Equal("""
            {"id":"resp_abc","object":"response","created_at":1700000000,"status":"completed","background":false,"error":null,
             "incomplete_details":null,"instructions":"Be kind.","max_output_tokens":100,"model":"llama",
             "output":[{"id":"msg_abc_0","type":"message","status":"completed","role":"assistant",
                        "content":[{"type":"output_text","annotations":[],"text":"Hi there"}]}],
             "parallel_tool_calls":true,"previous_response_id":"resp_prev","reasoning":{"effort":null,"summary":null},"store":false,
             "temperature":0.5,"text":{"format":{"type":"text"}},"tool_choice":"auto","tools":[],"top_p":null,"truncation":"disabled",
             "usage":{"input_tokens":12,"input_tokens_details":{"cached_tokens":8},"output_tokens":3,
                      "output_tokens_details":{"reasoning_tokens":0},"total_tokens":15},
             "user":"u1","metadata":{"k":"v"}}
            """, response);
        Assert.False(response.ContainsKey("output_text"));
    }

    [Fact]
    public void Tool_calls_become_function_call_items_after_the_text()
    {
        var chat = JsonAssert.Parse("""
            {"model":"llama","choices":[{"index":0,"finish_reason":"tool_calls","message":{"role":"assistant","content":"Let me check.","tool_calls":[
              {"id":"call_1","type":"function","function":{"name":"weather","arguments":"{\"city\":\"Paris\"}"}},
              {"id":"call_2","type":"function","function":{"name":"weather","arguments":"{\"city\":\"Rome\"}"}}]}}],
             "usage":{"prompt_tokens":5,"completion_tokens":9,"total_tokens":14}}
            """);

        var response = ResponsesResponseBuilder.FromChat(chat, Context);

        JsonAssert.Equal("""
            [{"id":"msg_abc_0","type":"message","status":"completed","role":"assistant","content":[{"type":"output_text","annotations":[],"text":"Let me check."}]},
             {"id":"fc_abc_1","type":"function_call","status":"completed","arguments":"{\"city\":\"Paris\"}","call_id":"call_1","name":"weather"},
             {"id":"fc_abc_2","type":"function_call","status":"completed","arguments":"{\"city\":\"Rome\"}","call_id":"call_2","name":"weather"}]
            """, response["output"]);
        Assert.Equal("completed", (string?)response["status"]);
        Assert.Equal(0, (int)response["usage"]!["input_tokens_details"]!["cached_tokens"]!);
    }

    [Fact]
    public void Only_tool_calls_give_no_message_item()
    {
        var chat = JsonAssert.Parse("""
            {"model":"llama","choices":[{"index":0,"finish_reason":"tool_calls","message":{"role":"assistant","content":null,"tool_calls":[
              {"id":"call_1","type":"function","function":{"name":"now","arguments":"{}"}}]}}]}
            """);

        var output = ResponsesResponseBuilder.FromChat(chat, Context)["output"]!.AsArray();

        Assert.Equal("function_call", (string?)Assert.Single(output)!["type"]);
        Assert.Equal("fc_abc_0", (string?)output[0]!["id"]);
    }

    [Fact]
    public void A_length_finish_is_an_incomplete_response_for_max_output_tokens()
    {
        var chat = JsonAssert.Parse("""
            {"model":"llama","choices":[{"index":0,"finish_reason":"length","message":{"role":"assistant","content":"Once upon"}}],
             "usage":{"prompt_tokens":4,"completion_tokens":2,"total_tokens":6}}
            """);

        var response = ResponsesResponseBuilder.FromChat(chat, Context with { MaxOutputTokens = 2 });

        Assert.Equal("incomplete", (string?)response["status"]);
        JsonAssert.Equal("""{"reason":"max_output_tokens"}""", response["incomplete_details"]);
        Assert.Equal("incomplete", (string?)response["output"]![0]!["status"]);
        Assert.Equal(2, (int?)response["max_output_tokens"]);
    }

    [Fact]
    public void Tools_tool_choice_and_text_are_echoed_as_the_request_sent_them()
    {
        var body = JsonAssert.Parse("""
            {"input":"x","tools":[{"type":"function","name":"f","parameters":{"type":"object"},"strict":true}],"tool_choice":"required",
             "parallel_tool_calls":false,"top_p":0.5,"text":{"format":{"type":"json_schema","name":"n","schema":{"type":"object"}}}}
            """);
        var chat = JsonAssert.Parse("""{"model":"m","choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"{}"}}]}""");

        var response = ResponsesResponseBuilder.FromChat(chat, ResponseContext.FromRequest("resp_1", 1, body));

        JsonAssert.Equal(body["tools"]!.ToJsonString(), response["tools"]);
        JsonAssert.Equal(body["text"]!.ToJsonString(), response["text"]);
        Assert.Equal("required", (string?)response["tool_choice"]);
        Assert.False((bool)response["parallel_tool_calls"]!);
        Assert.Equal(0.5, (double)response["top_p"]!);
        Assert.Equal("m", (string?)response["model"]);
        Assert.Null(response["usage"]);
    }

    [Fact]
    public void The_output_items_are_copies_for_storage()
    {
        var chat = JsonAssert.Parse("""{"model":"m","choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"hi"}}]}""");
        var response = ResponsesResponseBuilder.FromChat(chat, Context);

        var items = ResponsesResponseBuilder.OutputItems(response);
        items[0]["status"] = "changed";

        Assert.Equal("completed", (string?)response["output"]![0]!["status"]);
    }

    [Fact]
    public void A_refusal_becomes_a_refusal_part()
    {
        var chat = JsonAssert.Parse("""
            {"model":"gpt","choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":null,"refusal":"I can't help with that."}}]}
            """);

        JsonAssert.Equal("""
            [{"id":"msg_abc_0","type":"message","status":"completed","role":"assistant","content":[{"type":"refusal","refusal":"I can't help with that."}]}]
            """, ResponsesResponseBuilder.FromChat(chat, Context)["output"]);
    }

    [Fact]
    public void The_deleted_object_names_the_response()
    {
        JsonAssert.Equal("""{"id":"resp_abc","object":"response.deleted","deleted":true}""", ResponsesResponseBuilder.Deleted("resp_abc"));
    }
}
