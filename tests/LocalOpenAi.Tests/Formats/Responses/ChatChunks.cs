using System.Text.Json.Nodes;

namespace LocalOpenAi.Tests.Formats.Responses;

/// <summary><c>chat.completion.chunk</c> payloads as <c>/v1/chat/completions</c> streams them.</summary>
internal static class ChatChunks
{
    public static JsonObject Role() => Choice("""{"role":"assistant","content":""}""");

    public static JsonObject Text(string text) => Choice(new JsonObject { ["content"] = text }.ToJsonString());

    /// <summary>A tool call's first fragment (id and name) or a later one (arguments only).</summary>
    public static JsonObject Call(int index, string? id, string? name, string arguments)
    {
        var call = new JsonObject { ["index"] = index };
        if (id is not null)
        {
            call["id"] = id;
            call["type"] = "function";
        }

        var function = new JsonObject { ["arguments"] = arguments };
        if (name is not null)
        {
            function["name"] = name;
        }

        call["function"] = function;
        return Choice(new JsonObject { ["tool_calls"] = new JsonArray(call) }.ToJsonString());
    }

    public static JsonObject Calls(string toolCallsJson) => Choice($$"""{"tool_calls":{{toolCallsJson}}}""");

    public static JsonObject Finish(string reason) => Chunk($$"""[{"index":0,"delta":{},"logprobs":null,"finish_reason":"{{reason}}"}]""");

    public static JsonObject Usage(int prompt, int completion, int cached) => JsonAssert.Parse($$"""
        {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"llama","system_fingerprint":"fp","choices":[],
         "usage":{"prompt_tokens":{{prompt}},"completion_tokens":{{completion}},"total_tokens":{{prompt + completion}},
                  "prompt_tokens_details":{"cached_tokens":{{cached}} } } }
        """);

    public static JsonObject Choice(string deltaJson) => Chunk($$"""[{"index":0,"delta":{{deltaJson}},"logprobs":null,"finish_reason":null}]""");

    private static JsonObject Chunk(string choicesJson) => JsonAssert.Parse($$"""
        {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"llama","system_fingerprint":"fp","choices":{{choicesJson}}}
        """);
}
