using System.Text;
using System.Text.Json.Nodes;
using LocalOpenAi.Formats.Responses;

namespace LocalOpenAi.Tests.Formats.Responses;

public sealed class ResponsesStreamTranslatorTests
{
    private static readonly ResponseContext Context = new() { Id = "resp_s", CreatedAt = 1_700_000_000, Model = "llama" };

    [Fact]
    public void A_text_stream_follows_OpenAIs_event_sequence()
    {
        var events = Stream(ChatChunks.Role(), ChatChunks.Text("Hel"), ChatChunks.Text("lo"), ChatChunks.Finish("stop"), ChatChunks.Usage(10, 2, 6));

        Assert.Equal(
            [
                "response.created", "response.in_progress", "response.output_item.added", "response.content_part.added",
                "response.output_text.delta", "response.output_text.delta", "response.output_text.done", "response.content_part.done",
                "response.output_item.done", "response.completed",
            ],
            events.Select(e => e.Type));
        Assert.Equal(Enumerable.Range(0, events.Count), events.Select(e => (int)e.Data["sequence_number"]!));
        Assert.All(events, e => Assert.Equal(e.Type, (string?)e.Data["type"]));
        JsonAssert.Equal("""
            {"type":"response.output_text.delta","item_id":"msg_s_0","output_index":0,"content_index":0,"delta":"Hel","logprobs":[],"sequence_number":4}
            """, events[4].Data);
        JsonAssert.Equal("""
            {"type":"response.output_text.done","item_id":"msg_s_0","output_index":0,"content_index":0,"text":"Hello","logprobs":[],"sequence_number":6}
            """, events[6].Data);
        JsonAssert.Equal("""
            {"type":"response.output_item.added","output_index":0,"item":{"id":"msg_s_0","type":"message","status":"in_progress","role":"assistant","content":[]},"sequence_number":2}
            """, events[2].Data);
        JsonAssert.Equal("""
            {"id":"msg_s_0","type":"message","status":"completed","role":"assistant","content":[{"type":"output_text","annotations":[],"text":"Hello"}]}
            """, events[8].Data["item"]);
    }

    [Fact]
    public void The_opening_events_carry_an_in_progress_response_without_output()
    {
        var translator = new ResponsesStreamTranslator(Context);

        var start = translator.Start();

        Assert.All(start, e => Assert.Equal("in_progress", (string?)e.Data["response"]!["status"]));
        Assert.All(start, e => Assert.Empty(e.Data["response"]!["output"]!.AsArray()));
        Assert.All(start, e => Assert.Null(e.Data["response"]!["usage"]));
        Assert.Null(translator.Response);
    }

    [Fact]
    public void The_completed_event_carries_the_full_response_with_the_cached_tokens()
    {
        var events = Stream(ChatChunks.Text("Hi"), ChatChunks.Finish("stop"), ChatChunks.Usage(40, 1, 32));

        var response = events[^1].Data["response"]!;

        Assert.Equal("completed", (string?)response["status"]);
        Assert.Equal("Hi", (string?)response["output"]![0]!["content"]![0]!["text"]);
        JsonAssert.Equal("""
            {"input_tokens":40,"input_tokens_details":{"cached_tokens":32},"output_tokens":1,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":41}
            """, response["usage"]);
    }

    [Fact]
    public void Text_then_a_streamed_function_call_closes_the_message_before_the_call()
    {
        var events = Stream(
            ChatChunks.Role(),
            ChatChunks.Text("Checking."),
            ChatChunks.Call(0, "call_1", "weather", ""),
            ChatChunks.Call(0, null, null, "{\"city\":"),
            ChatChunks.Call(0, null, null, "\"Paris\"}"),
            ChatChunks.Finish("tool_calls"),
            ChatChunks.Usage(20, 8, 0));

        Assert.Equal(
            [
                "response.created", "response.in_progress",
                "response.output_item.added", "response.content_part.added", "response.output_text.delta",
                "response.output_text.done", "response.content_part.done", "response.output_item.done",
                "response.output_item.added", "response.function_call_arguments.delta", "response.function_call_arguments.delta",
                "response.function_call_arguments.done", "response.output_item.done", "response.completed",
            ],
            events.Select(e => e.Type));
        JsonAssert.Equal("""
            {"type":"response.output_item.added","output_index":1,
             "item":{"id":"fc_s_1","type":"function_call","status":"in_progress","arguments":"","call_id":"call_1","name":"weather"},"sequence_number":8}
            """, events[8].Data);
        JsonAssert.Equal("""
            {"type":"response.function_call_arguments.delta","item_id":"fc_s_1","output_index":1,"delta":"{\"city\":","sequence_number":9}
            """, events[9].Data);
        JsonAssert.Equal("""
            {"type":"response.function_call_arguments.done","item_id":"fc_s_1","output_index":1,"arguments":"{\"city\":\"Paris\"}","name":"weather","sequence_number":11}
            """, events[11].Data);
        JsonAssert.Equal("""
            [{"id":"msg_s_0","type":"message","status":"completed","role":"assistant","content":[{"type":"output_text","annotations":[],"text":"Checking."}]},
             {"id":"fc_s_1","type":"function_call","status":"completed","arguments":"{\"city\":\"Paris\"}","call_id":"call_1","name":"weather"}]
            """, events[^1].Data["response"]!["output"]);
    }

    [Fact]
    public void Several_calls_in_one_delta_each_get_an_item_with_their_arguments()
    {
        var events = Stream(
            ChatChunks.Role(),
            ChatChunks.Calls("""
                [{"index":0,"id":"call_a","type":"function","function":{"name":"weather","arguments":"{\"city\":\"Paris\"}"}},
                 {"index":1,"id":"call_b","type":"function","function":{"name":"weather","arguments":"{\"city\":\"Rome\"}"}}]
                """),
            ChatChunks.Finish("tool_calls"));

        Assert.Equal(
            [
                "response.created", "response.in_progress",
                "response.output_item.added", "response.function_call_arguments.delta",
                "response.function_call_arguments.done", "response.output_item.done",
                "response.output_item.added", "response.function_call_arguments.delta",
                "response.function_call_arguments.done", "response.output_item.done", "response.completed",
            ],
            events.Select(e => e.Type));
        var output = events[^1].Data["response"]!["output"]!.AsArray();
        Assert.Equal(["call_a", "call_b"], output.Select(item => (string?)item!["call_id"]));
        Assert.Equal(["{\"city\":\"Paris\"}", "{\"city\":\"Rome\"}"], output.Select(item => (string?)item!["arguments"]));
        Assert.Equal(["fc_s_0", "fc_s_1"], output.Select(item => (string?)item!["id"]));
    }

    [Fact]
    public void Interleaved_call_fragments_still_reach_the_final_response()
    {
        var events = Stream(
            ChatChunks.Call(0, "call_a", "f", "{\"a\":"),
            ChatChunks.Call(1, "call_b", "g", "{}"),
            ChatChunks.Call(0, null, null, "1}"),
            ChatChunks.Finish("tool_calls"));

        var output = events[^1].Data["response"]!["output"]!.AsArray();
        Assert.Equal(["{\"a\":1}", "{}"], output.Select(item => (string?)item!["arguments"]));
        Assert.Equal("{\"a\":", (string?)events.Single(e => e.Type == "response.function_call_arguments.done" && (string?)e.Data["item_id"] == "fc_s_0").Data["arguments"]);
    }

    [Fact]
    public void A_length_finish_ends_with_response_incomplete()
    {
        var translator = new ResponsesStreamTranslator(Context with { MaxOutputTokens = 3 });
        var events = Run(translator, ChatChunks.Text("Once upon a"), ChatChunks.Finish("length"), ChatChunks.Usage(5, 3, 0));

        Assert.Equal("response.incomplete", events[^1].Type);
        var response = events[^1].Data["response"]!;
        Assert.Equal("incomplete", (string?)response["status"]);
        JsonAssert.Equal("""{"reason":"max_output_tokens"}""", response["incomplete_details"]);
        Assert.Equal("incomplete", (string?)events.Single(e => e.Type == "response.output_item.done").Data["item"]!["status"]);
        JsonAssert.Equal(response.ToJsonString(), translator.Response);
    }

    [Fact]
    public void A_stream_without_output_still_has_an_empty_message()
    {
        var events = Stream(ChatChunks.Role(), ChatChunks.Finish("stop"));

        JsonAssert.Equal("""
            [{"id":"msg_s_0","type":"message","status":"completed","role":"assistant","content":[{"type":"output_text","annotations":[],"text":""}]}]
            """, events[^1].Data["response"]!["output"]);
    }

    [Fact]
    public void A_failure_ends_with_response_failed_carrying_what_was_produced()
    {
        var translator = new ResponsesStreamTranslator(Context);
        translator.Start();
        translator.OnChunk(ChatChunks.Text("Par"));

        var failed = Assert.Single(translator.Fail("upstream closed the connection"));

        Assert.Equal("response.failed", failed.Type);
        Assert.Equal(5, (int)failed.Data["sequence_number"]!);
        JsonAssert.Equal("""{"code":"server_error","message":"upstream closed the connection"}""", failed.Data["response"]!["error"]);
        Assert.Equal("failed", (string?)translator.Response!["status"]);
        Assert.Equal("incomplete", (string?)translator.Response!["output"]![0]!["status"]);
        Assert.Throws<InvalidOperationException>(() => translator.OnChunk(ChatChunks.Text("is")));
    }

    [Fact]
    public void Each_event_is_written_as_a_named_server_sent_event()
    {
        var created = new ResponsesStreamTranslator(Context).Start()[0];

        var text = Encoding.UTF8.GetString(created.ToUtf8Bytes());

        Assert.StartsWith("event: response.created\ndata: {\"type\":\"response.created\",\"response\":{\"id\":\"resp_s\"", text);
        Assert.EndsWith("\"sequence_number\":0}\n\n", text);
        Assert.Equal(2, text.TrimEnd('\n').Split('\n').Length);
    }

    [Fact]
    public void The_streamed_response_equals_the_one_built_from_the_same_completion()
    {
        var events = Stream(
            ChatChunks.Text("Let me "), ChatChunks.Text("check."), ChatChunks.Call(0, "call_1", "now", "{}"),
            ChatChunks.Finish("tool_calls"), ChatChunks.Usage(9, 4, 3));
        var chat = JsonAssert.Parse("""
            {"model":"llama","choices":[{"index":0,"finish_reason":"tool_calls","message":{"role":"assistant","content":"Let me check.",
              "tool_calls":[{"id":"call_1","type":"function","function":{"name":"now","arguments":"{}"}}]}}],
             "usage":{"prompt_tokens":9,"completion_tokens":4,"total_tokens":13,"prompt_tokens_details":{"cached_tokens":3}}}
            """);

        JsonAssert.Equal(ResponsesResponseBuilder.FromChat(chat, Context).ToJsonString(), events[^1].Data["response"]);
    }

    [Fact]
    public void A_refusal_streams_as_refusal_events_and_matches_the_built_response()
    {
        var events = Stream(
            ChatChunks.Choice("""{"role":"assistant","content":null,"refusal":""}"""),
            ChatChunks.Choice("""{"refusal":"I can't "}"""),
            ChatChunks.Choice("""{"refusal":"help."}"""),
            ChatChunks.Finish("stop"));
        var chat = JsonAssert.Parse("""
            {"model":"llama","choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":null,"refusal":"I can't help."}}]}
            """);

        Assert.Equal(
            [
                "response.created", "response.in_progress", "response.output_item.added", "response.content_part.added",
                "response.refusal.delta", "response.refusal.delta", "response.refusal.done", "response.content_part.done",
                "response.output_item.done", "response.completed",
            ],
            events.Select(e => e.Type));
        JsonAssert.Equal("""
            {"type":"response.refusal.done","item_id":"msg_s_0","output_index":0,"content_index":0,"refusal":"I can't help.","sequence_number":6}
            """, events[6].Data);
        JsonAssert.Equal(ResponsesResponseBuilder.FromChat(chat, Context).ToJsonString(), events[^1].Data["response"]);
    }

    private static List<ResponsesSseEvent> Stream(params JsonObject[] chunks) => Run(new ResponsesStreamTranslator(Context), chunks);

    private static List<ResponsesSseEvent> Run(ResponsesStreamTranslator translator, params JsonObject[] chunks)
    {
        var events = translator.Start().ToList();
        foreach (var chunk in chunks)
        {
            events.AddRange(translator.OnChunk(chunk));
        }

        events.AddRange(translator.Complete());
        return events;
    }
}
