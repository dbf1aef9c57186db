using System.Text;
using System.Text.Json.Nodes;
using LocalOpenAi.Server.Feedback;

namespace LocalOpenAi.Tests.Server.Feedback;

public sealed class StreamedResponseAssemblerTests
{
    [Fact]
    public void Chat_chunks_become_one_chat_completion_with_content_per_choice()
    {
        var response = Assemble(
            """{"id":"chatcmpl-1","object":"chat.completion.chunk","created":7,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}""",
            """{"id":"chatcmpl-1","object":"chat.completion.chunk","created":7,"model":"m","choices":[{"index":1,"delta":{"content":"Bon"},"finish_reason":null}]}""",
            """{"id":"chatcmpl-1","object":"chat.completion.chunk","created":7,"model":"m","choices":[{"index":0,"delta":{"content":"Hel"},"finish_reason":null}]}""",
            """{"id":"chatcmpl-1","object":"chat.completion.chunk","created":7,"model":"m","choices":[{"index":0,"delta":{"content":"lo"},"finish_reason":"stop"}]}""",
            """{"id":"chatcmpl-1","object":"chat.completion.chunk","created":7,"model":"m","choices":[{"index":1,"delta":{"content":"jour"},"finish_reason":"length"}]}""",
            """{"id":"chatcmpl-1","object":"chat.completion.chunk","created":7,"model":"m","choices":[],"usage":{"prompt_tokens":3,"completion_tokens":4,"total_tokens":7}}""");

        Assert.Equal("chat.completion", (string?)response["object"]);
        Assert.Equal("chatcmpl-1", (string?)response["id"]);
        Assert.Equal(7, (int?)response["usage"]!["total_tokens"]);
        var choices = response["choices"]!.AsArray();
        Assert.Equal(("Hello", "stop"), ((string?)choices[0]!["message"]!["content"], (string?)choices[0]!["finish_reason"]));
        Assert.Equal(("Bonjour", "length"), ((string?)choices[1]!["message"]!["content"], (string?)choices[1]!["finish_reason"]));
        Assert.Equal("assistant", (string?)choices[0]!["message"]!["role"]);
    }

    [Fact]
    public void Streamed_tool_call_fragments_are_joined_into_whole_calls()
    {
        var response = Assemble(
            """{"object":"chat.completion.chunk","choices":[{"index":0,"delta":{"role":"assistant","tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"get_","arguments":""}}]}}]}""",
            """{"object":"chat.completion.chunk","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"name":"price","arguments":"{\"sym"}}]}}]}""",
            """{"object":"chat.completion.chunk","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"bol\":\"BTC\"}"}}]},"finish_reason":"tool_calls"}]}""");

        var message = response["choices"]![0]!["message"]!;
        Assert.Null(message["content"]);
        var call = Assert.Single(message["tool_calls"]!.AsArray())!;
        Assert.Equal("call_1", (string?)call["id"]);
        Assert.Equal("get_price", (string?)call["function"]!["name"]);
        Assert.Equal("BTC", (string?)JsonNode.Parse((string)call["function"]!["arguments"]!)!["symbol"]);
        Assert.Equal("tool_calls", (string?)response["choices"]![0]!["finish_reason"]);
    }

    [Fact]
    public void Completion_chunks_become_one_text_completion()
    {
        var response = Assemble(
            """{"id":"cmpl-1","object":"text_completion","choices":[{"index":0,"text":"Once ","finish_reason":null}]}""",
            """{"id":"cmpl-1","object":"text_completion","choices":[{"index":0,"text":"upon","finish_reason":"length"}]}""");

        Assert.Equal("text_completion", (string?)response["object"]);
        Assert.Equal("Once upon", (string?)response["choices"]![0]!["text"]);
        Assert.Equal("length", (string?)response["choices"]![0]!["finish_reason"]);
    }

    private static JsonObject Assemble(params string[] payloads) =>
        StreamedResponseAssembler.Assemble(payloads.Select(payload => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(payload)));
}
