using LocalOpenAi.Formats.Responses;

namespace LocalOpenAi.Tests.Formats.Responses;

public sealed class ResponsesRequestErrorTests
{
    public static TheoryData<string, string, string> Unsupported() => new()
    {
        { """{"input":"hi","tools":[{"type":"function","name":"f"},{"type":"web_search_preview"}]}""", "tools[1].type", "unsupported_parameter" },
        { """{"input":"hi","tools":[{"type":"web_search"}]}""", "tools[0].type", "unsupported_parameter" },
        { """{"input":"hi","tools":[{"type":"file_search","vector_store_ids":["vs"]}]}""", "tools[0].type", "unsupported_parameter" },
        { """{"input":"hi","tools":[{"type":"code_interpreter","container":{"type":"auto"}}]}""", "tools[0].type", "unsupported_parameter" },
        { """{"input":"hi","tools":[{"type":"computer_use_preview","display_width":1,"display_height":1,"environment":"linux"}]}""", "tools[0].type", "unsupported_parameter" },
        { """{"input":"hi","tools":[{"type":"image_generation"}]}""", "tools[0].type", "unsupported_parameter" },
        { """{"input":"hi","tools":[{"type":"mcp","server_label":"s"}]}""", "tools[0].type", "unsupported_parameter" },
        { """{"input":"hi","tools":[{"type":"local_shell"}]}""", "tools[0].type", "unsupported_parameter" },
        { """{"input":"hi","background":true}""", "background", "unsupported_parameter" },
        { """{"input":"hi","reasoning":{"effort":"low"}}""", "reasoning.effort", "unsupported_parameter" },
        { """{"input":"hi","reasoning":{"summary":"auto"}}""", "reasoning.summary", "unsupported_parameter" },
        { """{"input":"hi","include":["message.output_text.logprobs"]}""", "include", "unsupported_parameter" },
        { """{"input":"hi","conversation":"conv_1"}""", "conversation", "unsupported_parameter" },
        { """{"input":"hi","prompt":{"id":"pmpt_1"}}""", "prompt", "unsupported_parameter" },
        { """{"input":"hi","truncation":"auto"}""", "truncation", "unsupported_parameter" },
        { """{"input":"hi","top_logprobs":3}""", "top_logprobs", "unsupported_parameter" },
        { """{"input":"hi","context_management":[{"type":"compaction"}]}""", "context_management", "unsupported_parameter" },
        { """{"input":"hi","text":{"verbosity":"low"}}""", "text.verbosity", "unsupported_parameter" },
        { """{"input":"hi","max_tool_calls":2}""", "max_tool_calls", "unsupported_parameter" },
        { """{"input":"hi","moderation":{"mode":"strict"}}""", "moderation", "unsupported_parameter" },
        { """{"input":"hi","tool_choice":{"type":"web_search_preview"}}""", "tool_choice.type", "unsupported_parameter" },
        { """{"input":[{"role":"user","content":[{"type":"input_image","image_url":"https://x/y.png"}]}]}""", "input[0].content[0].type", "unsupported_parameter" },
        { """{"input":[{"role":"user","content":[{"type":"input_text","text":"a"},{"type":"input_file","file_id":"f"}]}]}""", "input[0].content[1].type", "unsupported_parameter" },
        { """{"input":[{"type":"function_call_output","call_id":"c","output":[{"type":"input_image","image_url":"u"}]}]}""", "input[0].output[0].type", "unsupported_parameter" },
        { """{"input":[{"type":"reasoning","summary":[]}]}""", "input[0].type", "unsupported_parameter" },
        { """{"input":"hi","frobnicate":1}""", "frobnicate", "unknown_parameter" },
    };

    public static TheoryData<string, string, string> Invalid() => new()
    {
        { """{"model":"m"}""", "input", "missing_required_parameter" },
        { """{"input":42}""", "input", "invalid_type" },
        { """{"input":[1]}""", "input[0]", "invalid_type" },
        { """{"input":"hi","model":7}""", "model", "invalid_type" },
        { """{"input":"hi","instructions":["x"]}""", "instructions", "invalid_type" },
        { """{"input":"hi","temperature":"hot"}""", "temperature", "invalid_type" },
        { """{"input":"hi","top_p":true}""", "top_p", "invalid_type" },
        { """{"input":"hi","max_output_tokens":1.5}""", "max_output_tokens", "invalid_type" },
        { """{"input":"hi","stream":"yes"}""", "stream", "invalid_type" },
        { """{"input":"hi","store":1}""", "store", "invalid_type" },
        { """{"input":"hi","user":{}}""", "user", "invalid_type" },
        { """{"input":"hi","parallel_tool_calls":"no"}""", "parallel_tool_calls", "invalid_type" },
        { """{"input":"hi","previous_response_id":5}""", "previous_response_id", "invalid_type" },
        { """{"input":"hi","metadata":[]}""", "metadata", "invalid_type" },
        { """{"input":"hi","metadata":{"n":1}}""", "metadata.n", "invalid_type" },
        { """{"input":"hi","background":"no"}""", "background", "invalid_type" },
        { """{"input":"hi","reasoning":"high"}""", "reasoning", "invalid_type" },
        { """{"input":"hi","include":"all"}""", "include", "invalid_type" },
        { """{"input":[{"content":"no role or type"}]}""", "input[0].type", "missing_required_parameter" },
        { """{"input":[{"type":"message","content":"hi"}]}""", "input[0].role", "missing_required_parameter" },
        { """{"input":[{"role":"tool","content":"hi"}]}""", "input[0].role", "invalid_value" },
        { """{"input":[{"role":"user"}]}""", "input[0].content", "missing_required_parameter" },
        { """{"input":[{"role":"user","content":7}]}""", "input[0].content", "invalid_type" },
        { """{"input":[{"role":"user","content":["x"]}]}""", "input[0].content[0]", "invalid_type" },
        { """{"input":[{"role":"user","content":[{"type":"input_text"}]}]}""", "input[0].content[0].text", "missing_required_parameter" },
        { """{"input":[{"role":"user","content":[{"type":"input_text","text":3}]}]}""", "input[0].content[0].text", "invalid_type" },
        { """{"input":[{"role":"user","content":[{"type":"banana","text":"x"}]}]}""", "input[0].content[0].type", "invalid_value" },
        { """{"input":[{"role":"user","content":[{"type":"refusal","refusal":"x"}]}]}""", "input[0].content[0].type", "invalid_value" },
        { """{"input":[{"role":"assistant","content":[{"type":"refusal"}]}]}""", "input[0].content[0].refusal", "missing_required_parameter" },
        { """{"input":[{"type":"function_call","name":"f","arguments":"{}"}]}""", "input[0].call_id", "missing_required_parameter" },
        { """{"input":[{"type":"function_call","call_id":"c","name":"f","arguments":{}}]}""", "input[0].arguments", "invalid_type" },
        { """{"input":[{"type":"function_call_output","call_id":"c"}]}""", "input[0].output", "missing_required_parameter" },
        { """{"input":[{"role":"user","content":"hi"},{"type":"function_call_output","call_id":"nope","output":"x"}]}""", "input[1].call_id", "invalid_value" },
        { """{"input":[{"type":"item_reference","id":"msg_gone_0"}]}""", "input[0].id", "invalid_value" },
        { """{"input":[{"type":"item_reference"}]}""", "input[0].id", "missing_required_parameter" },
        { """{"input":"hi","tools":{}}""", "tools", "invalid_type" },
        { """{"input":"hi","tools":[{"type":"function"}]}""", "tools[0].name", "missing_required_parameter" },
        { """{"input":"hi","tools":[{"name":"f"}]}""", "tools[0].type", "missing_required_parameter" },
        { """{"input":"hi","tools":[{"type":"function","name":"f","parameters":"{}"}]}""", "tools[0].parameters", "invalid_type" },
        { """{"input":"hi","tools":[{"type":"function","name":"f","strict":"yes"}]}""", "tools[0].strict", "invalid_type" },
        { """{"input":"hi","tool_choice":"sometimes"}""", "tool_choice", "invalid_value" },
        { """{"input":"hi","tool_choice":1}""", "tool_choice", "invalid_type" },
        { """{"input":"hi","tool_choice":{"type":"function"}}""", "tool_choice.name", "missing_required_parameter" },
        { """{"input":"hi","text":"json"}""", "text", "invalid_type" },
        { """{"input":"hi","text":{"format":"json"}}""", "text.format", "invalid_type" },
        { """{"input":"hi","text":{"format":{}}}""", "text.format.type", "missing_required_parameter" },
        { """{"input":"hi","text":{"format":{"type":"yaml"}}}""", "text.format.type", "invalid_value" },
        { """{"input":"hi","text":{"format":{"type":"json_schema","schema":{}}}}""", "text.format.name", "missing_required_parameter" },
        { """{"input":"hi","text":{"format":{"type":"json_schema","name":"n"}}}""", "text.format.schema", "missing_required_parameter" },
        { """{"input":"hi","text":{"format":{"type":"json_schema","name":"n","schema":"{}"}}}""", "text.format.schema", "invalid_type" },
    };

    [Theory]
    [MemberData(nameof(Unsupported))]
    public void A_field_the_server_does_not_serve_is_an_error_naming_it(string body, string param, string code) =>
        AssertError(body, param, code);

    [Theory]
    [MemberData(nameof(Invalid))]
    public void A_malformed_field_is_an_error_with_its_path(string body, string param, string code) =>
        AssertError(body, param, code);

    [Fact]
    public void A_built_in_tool_error_says_which_tool_and_what_is_served()
    {
        var error = ResponsesRequestTranslator.ToChat(JsonAssert.Parse("""{"input":"hi","tools":[{"type":"web_search_preview"}]}"""), null).Error!;

        Assert.Equal("Tools of type 'web_search_preview' are not supported by this server; only 'function' tools are.", error.Message);
        Assert.Equal(ResponsesError.Type, error.ToErrorResponse().Error.Type);
        Assert.Equal("tools[0].type", error.ToErrorResponse().Error.Param);
    }

    [Fact]
    public void A_wrong_type_error_says_what_was_expected_and_what_came()
    {
        var error = ResponsesRequestTranslator.ToChat(JsonAssert.Parse("""{"input":"hi","temperature":"hot"}"""), null).Error!;

        Assert.Equal("Invalid type for 'temperature': expected a number, but got a string instead.", error.Message);
    }

    private static void AssertError(string body, string param, string code)
    {
        var translation = ResponsesRequestTranslator.ToChat(JsonAssert.Parse(body), null);

        Assert.False(translation.IsSuccess);
        Assert.Equal((param, code), (translation.Error!.Param, translation.Error.Code));
    }
}
