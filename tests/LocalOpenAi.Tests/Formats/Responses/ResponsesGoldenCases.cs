using System.Text.Json.Nodes;

namespace LocalOpenAi.Tests.Formats.Responses;

/// <summary>The chat streams and completions behind the golden files in <c>Golden/</c>.</summary>
internal static class ResponsesGoldenCases
{
    public static readonly IReadOnlyDictionary<string, JsonObject[]> Streams = new Dictionary<string, JsonObject[]>
    {
        ["text"] = [ChatChunks.Role(), ChatChunks.Text("Hel"), ChatChunks.Text("lo!"), ChatChunks.Finish("stop"), ChatChunks.Usage(10, 2, 6)],
        ["text-then-call"] =
        [
            ChatChunks.Role(),
            ChatChunks.Text("Checking."),
            ChatChunks.Call(0, "call_1", "weather", ""),
            ChatChunks.Call(0, null, null, "{\"city\":"),
            ChatChunks.Call(0, null, null, "\"Paris\"}"),
            ChatChunks.Finish("tool_calls"),
            ChatChunks.Usage(20, 8, 16),
        ],
        ["parallel-calls"] =
        [
            ChatChunks.Role(),
            ChatChunks.Calls("""
                [{"index":0,"id":"call_a","type":"function","function":{"name":"weather","arguments":"{\"city\":\"Paris\"}"}},
                 {"index":1,"id":"call_b","type":"function","function":{"name":"weather","arguments":"{\"city\":\"Rome\"}"}}]
                """),
            ChatChunks.Finish("tool_calls"),
            ChatChunks.Usage(30, 12, 0),
        ],
        ["refusal"] =
        [
            ChatChunks.Choice("""{"role":"assistant","content":null,"refusal":""}"""),
            ChatChunks.Choice("""{"refusal":"I can't help with that."}"""),
            ChatChunks.Finish("stop"),
            ChatChunks.Usage(7, 6, 0),
        ],
        ["incomplete"] = [ChatChunks.Role(), ChatChunks.Text("Once upon a"), ChatChunks.Finish("length"), ChatChunks.Usage(5, 3, 0)],
    };

    public static readonly IReadOnlyDictionary<string, JsonObject> Completions = new Dictionary<string, JsonObject>
    {
        ["completion-calls"] = JsonAssert.Parse("""
            {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"llama","system_fingerprint":"fp",
             "choices":[{"index":0,"finish_reason":"tool_calls","logprobs":null,"message":{"role":"assistant","content":"Let me check.","tool_calls":[
               {"id":"call_1","type":"function","function":{"name":"weather","arguments":"{\"city\":\"Paris\"}"}}]}}],
             "usage":{"prompt_tokens":25,"completion_tokens":9,"total_tokens":34,"prompt_tokens_details":{"cached_tokens":20}}}
            """),
    };

    /// <summary>The request every golden response answers.</summary>
    public static JsonObject Request() => JsonAssert.Parse("""
        {"model":"llama","input":"Weather in Paris?","instructions":"Be brief.","max_output_tokens":256,
         "tools":[{"type":"function","name":"weather","parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]},"strict":true}]}
        """);
}
