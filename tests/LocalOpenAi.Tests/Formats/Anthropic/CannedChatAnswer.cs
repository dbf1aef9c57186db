using System.Text.Json.Nodes;
using LocalOpenAi.Formats.Anthropic;

namespace LocalOpenAi.Tests.Formats.Anthropic;

/// <summary>
/// What the server's chat side answers, as <c>chat.completion.chunk</c> payloads; the non-streamed
/// <c>chat.completion</c> is assembled from the same chunks. Or an error, before or during the stream.
/// </summary>
internal sealed record CannedChatAnswer(IReadOnlyList<JsonObject> Chunks, AnthropicError? Error = null, AnthropicError? StreamError = null)
{
    public static CannedChatAnswer Text(params string[] pieces) =>
        new([Delta("""{"role":"assistant","content":""}"""), .. pieces.Select(p => Delta(new JsonObject { ["content"] = p }.ToJsonString())), Finish("stop"), Usage()]);

    public static CannedChatAnswer ToolCall(string id, string name, params string[] argumentPieces) => new(
    [
        Delta("""{"role":"assistant","content":""}"""),
        Delta(new JsonObject { ["tool_calls"] = new JsonArray(new JsonObject { ["index"] = 0, ["id"] = id, ["type"] = "function", ["function"] = new JsonObject { ["name"] = name, ["arguments"] = "" } }) }.ToJsonString()),
        .. argumentPieces.Select(p => Delta(new JsonObject { ["tool_calls"] = new JsonArray(new JsonObject { ["index"] = 0, ["function"] = new JsonObject { ["arguments"] = p } }) }.ToJsonString())),
        Finish("tool_calls"),
        Usage(),
    ]);

    /// <summary>The chunks folded into one <c>chat.completion</c>, as the server would have answered without streaming.</summary>
    public JsonObject Completion()
    {
        var content = string.Concat(Chunks.Select(c => (string?)c["choices"]?.AsArray().FirstOrDefault()?["delta"]?["content"]));
        var calls = Chunks.SelectMany(c => c["choices"]?.AsArray().FirstOrDefault()?["delta"]?["tool_calls"]?.AsArray() ?? []).ToList();
        var message = new JsonObject { ["role"] = "assistant", ["content"] = content };
        if (calls.Count > 0)
        {
            var first = calls[0]!;
            message["tool_calls"] = new JsonArray(new JsonObject
            {
                ["id"] = (string?)first["id"],
                ["type"] = "function",
                ["function"] = new JsonObject
                {
                    ["name"] = (string?)first["function"]!["name"],
                    ["arguments"] = string.Concat(calls.Select(c => (string?)c!["function"]!["arguments"])),
                },
            });
        }

        var finish = Chunks.Select(c => (string?)c["choices"]?.AsArray().FirstOrDefault()?["finish_reason"]).Last(f => f is not null);
        return new JsonObject
        {
            ["id"] = "chatcmpl-canned",
            ["object"] = "chat.completion",
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = finish }),
            ["usage"] = Chunks[^1]["usage"]!.DeepClone(),
        };
    }

    private static JsonObject Delta(string delta) =>
        WireJson.Object($$"""{"id":"chatcmpl-canned","object":"chat.completion.chunk","created":1,"model":"local","choices":[{"index":0,"delta":{{delta}},"finish_reason":null}]}""");

    private static JsonObject Finish(string reason) =>
        WireJson.Object($$"""{"id":"chatcmpl-canned","object":"chat.completion.chunk","created":1,"model":"local","choices":[{"index":0,"delta":{},"finish_reason":"{{reason}}"}]}""");

    private static JsonObject Usage() =>
        WireJson.Object("""{"id":"chatcmpl-canned","object":"chat.completion.chunk","created":1,"model":"local","choices":[],"usage":{"prompt_tokens":11,"completion_tokens":7,"total_tokens":18,"prompt_tokens_details":{"cached_tokens":4}}}""");
}
