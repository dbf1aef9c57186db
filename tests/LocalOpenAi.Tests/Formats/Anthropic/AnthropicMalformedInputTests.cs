using System.Text.Json.Nodes;
using LocalOpenAi.Formats.Anthropic;

namespace LocalOpenAi.Tests.Formats.Anthropic;

/// <summary>
/// Every value of a valid input replaced by every other JSON kind: each translator answers (a body or an
/// error naming a field), and none throws.
/// </summary>
public sealed class AnthropicMalformedInputTests
{
    private const string Request = """
        {"model":"m","max_tokens":10,"system":[{"type":"text","text":"s"}],"stream":true,"temperature":0.5,"top_k":3,
         "stop_sequences":["x"],"metadata":{"user_id":"u"},"thinking":{"type":"disabled"},"output_config":{"format":{"type":"json_schema","schema":{}}},
         "tools":[{"name":"f","description":"d","input_schema":{"type":"object"}}],"tool_choice":{"type":"tool","name":"f","disable_parallel_tool_use":true},
         "messages":[{"role":"user","content":"q"},
                     {"role":"assistant","content":[{"type":"text","text":"a"},{"type":"tool_use","id":"t","name":"f","input":{}}]},
                     {"role":"user","content":[{"type":"tool_result","tool_use_id":"t","content":[{"type":"text","text":"r"}],"is_error":false}]}]}
        """;

    private static readonly Func<JsonNode?>[] Replacements =
    [
        () => null, () => 1, () => -1, () => 1.5, () => "s", () => true, () => new JsonArray(), () => new JsonObject(),
        () => new JsonArray(1, "s"), () => new JsonObject { ["type"] = 2 },
    ];

    [Fact]
    public void The_request_translators_never_throw()
    {
        var rejected = 0;
        foreach (var body in Mutations(Request))
        {
            var chat = AnthropicRequestTranslator.ToChat(body);
            AnthropicRequestTranslator.ToChatForTokenCount(body);
            if (chat.Succeeded)
            {
                AnthropicUpstreamTranslator.ChatToAnthropicRequest(chat.Body, "c", 16);
            }
            else
            {
                rejected++;
                Assert.StartsWith(chat.Error.Field + ": ", chat.Error.Message, StringComparison.Ordinal);
            }
        }

        Assert.True(rejected > 100, $"only {rejected} mutations were rejected");
    }

    [Theory]
    [InlineData("""{"model":"a","model":"b","max_tokens":1,"messages":[]}""", "model")]
    [InlineData("""{"model":"a","max_tokens":1,"messages":[{"role":"user","role":"assistant","content":"x"}]}""", "messages.0.role")]
    public void A_field_given_twice_is_an_error_not_an_exception(string body, string field)
    {
        var translation = AnthropicRequestTranslator.ToChat(WireJson.Object(body));

        Assert.Equal(AnthropicError.InvalidField(field, "Field given more than once"), translation.Error);
        Assert.Equal(translation.Error, AnthropicUpstreamTranslator.ChatToAnthropicRequest(WireJson.Object(body), "c", 1).Error);
    }

    [Fact]
    public void The_upstream_request_translator_never_throws()
    {
        var chat = AnthropicRequestTranslator.ToChat(WireJson.Object(Request)).Body!;
        foreach (var body in Mutations(chat.ToJsonString()))
        {
            AnthropicUpstreamTranslator.ChatToAnthropicRequest(body, "c", 16);
        }
    }

    [Fact]
    public void The_response_translators_never_throw()
    {
        const string Message = """
            {"id":"msg_1","content":[{"type":"text","text":"a"},{"type":"tool_use","id":"t","name":"f","input":{"x":1}}],"stop_reason":"tool_use",
             "usage":{"input_tokens":1,"cache_read_input_tokens":2,"output_tokens":3}}
            """;
        foreach (var message in Mutations(Message))
        {
            var chat = AnthropicUpstreamTranslator.AnthropicToChatResponse(message, "m", 0);
            AnthropicResponseTranslator.FromChat(chat, "m");
        }

        var completion = AnthropicUpstreamTranslator.AnthropicToChatResponse(WireJson.Object(Message), "m", 0);
        foreach (var chat in Mutations(completion.ToJsonString()))
        {
            AnthropicResponseTranslator.FromChat(chat, "m");
        }
    }

    [Fact]
    public void The_stream_translators_never_throw()
    {
        foreach (var (name, data) in AnthropicToChatStreamTests.TextThenToolUse)
        {
            foreach (var mutated in Mutations(data))
            {
                var upstream = new AnthropicToChatStream("m", 0, includeUsage: true);
                var client = new AnthropicStreamTranslator("m");
                foreach (var chunk in upstream.OnEvent(name, mutated).Chunks.Concat(upstream.OnEvent("message_stop", []).Chunks))
                {
                    foreach (var chunkMutation in Mutations(chunk.ToJsonString()))
                    {
                        _ = client.OnChunk(chunkMutation).Count();
                    }
                }

                _ = client.Complete().Count();
            }
        }
    }

    /// <summary>The input with one node replaced, for every node and every replacement.</summary>
    private static IEnumerable<JsonObject> Mutations(string json)
    {
        var count = Paths(JsonNode.Parse(json)!).Count();
        for (var target = 0; target < count; target++)
        {
            foreach (var replacement in Replacements)
            {
                var copy = JsonNode.Parse(json)!.AsObject();
                var (parent, key) = Paths(copy).ElementAt(target);
                if (parent is JsonObject owner)
                {
                    owner[(string)key] = replacement();
                }
                else
                {
                    ((JsonArray)parent)[(int)key] = replacement();
                }

                yield return copy;
            }
        }
    }

    private static IEnumerable<(JsonNode Parent, object Key)> Paths(JsonNode node)
    {
        var children = node switch
        {
            JsonObject o => o.Select(p => (Key: (object)p.Key, Value: p.Value)).ToList(),
            JsonArray a => a.Select((v, i) => (Key: (object)i, Value: v)).ToList(),
            _ => [],
        };
        foreach (var (key, value) in children)
        {
            yield return (node, key);
            if (value is not null)
            {
                foreach (var inner in Paths(value))
                {
                    yield return inner;
                }
            }
        }
    }
}
