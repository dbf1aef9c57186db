using LocalOpenAi.Formats.Responses;

namespace LocalOpenAi.Tests.Formats.Responses;

/// <summary>Every field given every kind of JSON value: an answer or an error with a path, never an exception.</summary>
public sealed class ResponsesMalformedInputTests
{
    private static readonly string[] Values =
        ["null", "true", "0", "1.5", "-3", "\"s\"", "[]", "{}", "[1]", "[{}]", "[null]", "{\"type\":1}", "{\"type\":\"function\"}", "[{\"type\":null}]"];

    private static readonly string[] TopLevel =
    [
        "model", "input", "instructions", "tools", "tool_choice", "text", "temperature", "top_p", "max_output_tokens", "metadata",
        "store", "previous_response_id", "parallel_tool_calls", "user", "stream", "background", "reasoning", "include", "truncation",
        "conversation", "prompt", "top_logprobs", "context_management", "stream_options",
    ];

    private static readonly string[] Nested =
    [
        """{"input":[{"role":"user","content":§}]}""",
        """{"input":[{"role":§,"content":"x"}]}""",
        """{"input":[{"type":"message","role":"user","content":[{"type":"input_text","text":§}]}]}""",
        """{"input":[{"type":"message","role":"user","content":[{"type":§,"text":"x"}]}]}""",
        """{"input":[{"type":"function_call","call_id":§,"name":"f","arguments":"{}"}]}""",
        """{"input":[{"type":"function_call","call_id":"c","name":"f","arguments":"{}"},{"type":"function_call_output","call_id":"c","output":§}]}""",
        """{"input":[{"type":"item_reference","id":§}]}""",
        """{"input":"x","tools":[{"type":"function","name":§,"parameters":§}]}""",
        """{"input":"x","tool_choice":{"type":"function","name":§}}""",
        """{"input":"x","text":{"format":§}}""",
        """{"input":"x","text":{"format":{"type":"json_schema","name":§,"schema":§,"strict":§}}}""",
        """{"input":"x","reasoning":{"effort":§}}""",
        """{"input":"x","metadata":{"k":§}}""",
    ];

    [Fact]
    public void Any_value_in_any_field_translates_or_is_an_error_with_a_path()
    {
        var bodies = TopLevel.SelectMany(field => Values.Select(value => field == "input" ? $$"""{"input":{{value}}}""" : $$"""{"input":"x","{{field}}":{{value}}}"""))
            .Concat(Nested.SelectMany(template => Values.Select(value => template.Replace("§", value, StringComparison.Ordinal))));

        foreach (var body in bodies)
        {
            var translation = ResponsesRequestTranslator.ToChat(JsonAssert.Parse(body), null);

            Assert.True(translation.IsSuccess || !string.IsNullOrEmpty(translation.Error!.Param), body);
            if (translation.IsSuccess)
            {
                ResponseContext.FromRequest("resp_x", 1, JsonAssert.Parse(body));
            }
        }
    }

    [Fact]
    public void Odd_chunks_and_completions_do_not_break_the_output_side()
    {
        var chunks = new[] { """{}""", """{"choices":null}""", """{"choices":[{"index":1,"delta":{"content":"other choice"}}]}""",
            """{"choices":[{"delta":null}]}""", """{"choices":[{"delta":{"tool_calls":[{"function":null}]}}]}""", """{"usage":null,"choices":[]}""" };
        var translator = new ResponsesStreamTranslator(new ResponseContext { Id = "resp_o", CreatedAt = 1 });
        translator.Start();
        foreach (var chunk in chunks)
        {
            translator.OnChunk(JsonAssert.Parse(chunk));
        }

        var completed = translator.Complete()[^1];

        Assert.Equal("response.completed", completed.Type);
        Assert.DoesNotContain("other choice", completed.Data.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("completed", (string?)ResponsesResponseBuilder.FromChat(JsonAssert.Parse("""{"choices":[]}"""), new ResponseContext { Id = "resp_o", CreatedAt = 1 })["status"]);
    }
}
