using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text;
using System.Text.Json.Nodes;
using LocalOpenAi.Formats.Responses;
using OpenAI;
using OpenAI.Responses;

namespace LocalOpenAi.Tests.Formats.Responses;

/// <summary>
/// The official OpenAI .NET client against the translators: what it sends translates, and what
/// they answer it reads (text, function calls, usage with cached tokens, streamed events).
/// </summary>
public sealed class ResponsesOfficialClientTests
{
    private const string WeatherCall = """
        {"id":"call_w","type":"function","function":{"name":"weather","arguments":"{\"city\":\"Paris\"}"}}
        """;

    [Fact]
    public async Task The_client_reads_a_text_response_and_its_cached_tokens()
    {
        var (client, handler) = Client(chat => Completion("stop", "\"4\"", null));

        ResponseResult result = await client.CreateResponseAsync(new CreateResponseOptions("llama", [ResponseItem.CreateUserMessageItem("2+2?")]) { Instructions = "Be brief." });

        Assert.Equal("4", result.GetOutputText());
        Assert.Equal(ResponseStatus.Completed, result.Status);
        Assert.Equal(12, result.Usage.InputTokenCount);
        Assert.Equal(8, result.Usage.InputTokenDetails.CachedTokenCount);
        Assert.StartsWith("resp_", result.Id);
        Assert.Equal("llama", (string?)handler.Requests[0]["model"]);
    }

    [Fact]
    public async Task The_client_reads_function_calls_and_sends_their_outputs_back()
    {
        var (client, handler) = Client(chat => chat["messages"]!.AsArray().Any(message => (string?)message!["role"] == "tool")
            ? Completion("stop", "\"18C in Paris.\"", null)
            : Completion("tool_calls", "null", WeatherCall));
        var weather = ResponseTool.CreateFunctionTool(
            "weather", BinaryData.FromString("""{"type":"object","properties":{"city":{"type":"string"}}}"""), strictModeEnabled: false);
        var options = new CreateResponseOptions("llama", [ResponseItem.CreateUserMessageItem("Weather in Paris?")]) { Tools = { weather } };

        ResponseResult first = await client.CreateResponseAsync(options);
        var call = Assert.IsType<FunctionCallResponseItem>(Assert.Single(first.OutputItems));
        var followUp = new CreateResponseOptions("llama", [ResponseItem.CreateFunctionCallOutputItem(call.CallId, "18C")])
        {
            PreviousResponseId = first.Id,
            Tools = { weather },
        };
        ResponseResult second = await client.CreateResponseAsync(followUp);

        Assert.Equal(("call_w", "weather", "{\"city\":\"Paris\"}"), (call.CallId, call.FunctionName, call.FunctionArguments.ToString()));
        Assert.Equal("18C in Paris.", second.GetOutputText());
        Assert.Equal(first.Id, (string?)handler.Requests[1]["previous_response_id"]);
    }

    [Fact]
    public async Task The_client_streams_text_and_a_function_call_to_the_completed_response()
    {
        var (client, _) = Client(chat => Completion("tool_calls", "\"Checking.\"", WeatherCall));
        var options = new CreateResponseOptions("llama", [ResponseItem.CreateUserMessageItem("Weather in Paris?")])
        {
            StreamingEnabled = true,
            Tools = { ResponseTool.CreateFunctionTool("weather", BinaryData.FromString("""{"type":"object"}"""), strictModeEnabled: false) },
        };

        var text = new StringBuilder();
        var arguments = new StringBuilder();
        var sequence = new List<int>();
        ResponseResult? completed = null;
        await foreach (var update in await client.CreateResponseStreamingAsync(options))
        {
            sequence.Add(update.SequenceNumber);
            switch (update)
            {
                case StreamingResponseOutputTextDeltaUpdate delta:
                    text.Append(delta.Delta);
                    break;
                case StreamingResponseFunctionCallArgumentsDeltaUpdate delta:
                    arguments.Append(delta.Delta);
                    break;
                case StreamingResponseCompletedUpdate done:
                    completed = done.Response;
                    break;
            }
        }

        Assert.Equal("Checking.", text.ToString());
        Assert.Equal("{\"city\":\"Paris\"}", arguments.ToString());
        Assert.Equal(Enumerable.Range(0, sequence.Count), sequence);
        Assert.Equal("Checking.", completed!.GetOutputText());
        Assert.IsType<FunctionCallResponseItem>(completed.OutputItems[1]);
        Assert.Equal(8, completed.Usage.InputTokenDetails.CachedTokenCount);
    }

    [Fact]
    public async Task The_client_streams_an_incomplete_response()
    {
        var (client, _) = Client(chat => Completion("length", "\"Once upon\"", null));

        StreamingResponseIncompleteUpdate? incomplete = null;
        await foreach (var update in await client.CreateResponseStreamingAsync(
            new CreateResponseOptions("llama", [ResponseItem.CreateUserMessageItem("Tell a story")]) { StreamingEnabled = true }))
        {
            incomplete = update as StreamingResponseIncompleteUpdate ?? incomplete;
        }

        Assert.Equal(ResponseStatus.Incomplete, incomplete!.Response.Status);
        Assert.Equal(ResponseIncompleteStatusReason.MaxOutputTokens, incomplete.Response.IncompleteStatusDetails.Reason);
    }

    /// <summary>A client whose requests are translated, answered by <paramref name="complete"/>, and translated back.</summary>
    private static (ResponsesClient Client, CannedResponsesHandler Handler) Client(Func<JsonObject, JsonObject> complete)
    {
        var stored = new Dictionary<string, List<JsonObject>>();
        var handler = new CannedResponsesHandler(body =>
        {
            var previous = (string?)body["previous_response_id"] is { } previousId ? stored[previousId] : null;
            var translation = ResponsesRequestTranslator.ToChat(body, previous);
            Assert.Null(translation.Error);
            var context = ResponseContext.FromRequest($"resp_{stored.Count}", 1_700_000_000, body);
            var completion = complete(translation.Request!.Chat);
            var streamed = translation.Request.Chat["stream"] is not null;
            var (response, bytes) = streamed
                ? Streamed(completion, context)
                : (ResponsesResponseBuilder.FromChat(completion, context), null);
            stored[context.Id] = [.. translation.Request.Conversation, .. ResponsesResponseBuilder.OutputItems(response)];
            return streamed ? ("text/event-stream", bytes!) : ("application/json", Encoding.UTF8.GetBytes(response.ToJsonString()));
        });
        var options = new OpenAIClientOptions
        {
            Endpoint = new Uri("http://localhost/v1"),
            Transport = new HttpClientPipelineTransport(new HttpClient(handler)),
        };
        return (new OpenAIClient(new ApiKeyCredential("test"), options).GetResponsesClient(), handler);
    }

    /// <summary>Streams <paramref name="completion"/> as chat chunks would arrive: text in two pieces, each call's arguments in two.</summary>
    private static (JsonObject Response, byte[]? Events) Streamed(JsonObject completion, ResponseContext context)
    {
        var translator = new ResponsesStreamTranslator(context);
        var stream = new MemoryStream();
        var message = completion["choices"]![0]!["message"]!;
        var chunks = new List<JsonObject> { ChatChunks.Role() };
        if ((string?)message["content"] is { Length: > 0 } text)
        {
            chunks.Add(ChatChunks.Text(text[..(text.Length / 2)]));
            chunks.Add(ChatChunks.Text(text[(text.Length / 2)..]));
        }

        var calls = message["tool_calls"] as JsonArray ?? [];
        for (var i = 0; i < calls.Count; i++)
        {
            var arguments = (string)calls[i]!["function"]!["arguments"]!;
            chunks.Add(ChatChunks.Call(i, (string?)calls[i]!["id"], (string?)calls[i]!["function"]!["name"], arguments[..(arguments.Length / 2)]));
            chunks.Add(ChatChunks.Call(i, null, null, arguments[(arguments.Length / 2)..]));
        }

        chunks.Add(ChatChunks.Finish((string)completion["choices"]![0]!["finish_reason"]!));
        chunks.Add(ChatChunks.Usage(12, 3, 8));
        var events = translator.Start().ToList();
        foreach (var chunk in chunks)
        {
            events.AddRange(translator.OnChunk(chunk));
        }

        events.AddRange(translator.Complete());
        foreach (var sse in events)
        {
            stream.Write(sse.ToUtf8Bytes());
        }

        return (translator.Response!, stream.ToArray());
    }

    private static JsonObject Completion(string finishReason, string contentJson, string? toolCallJson) => JsonAssert.Parse($$"""
        {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"llama","system_fingerprint":"fp",
         "choices":[{"index":0,"message":{"role":"assistant","content":{{contentJson}}{{(toolCallJson is null ? "" : $",\"tool_calls\":[{toolCallJson}]")}} },
                     "logprobs":null,"finish_reason":"{{finishReason}}"}],
         "usage":{"prompt_tokens":12,"completion_tokens":3,"total_tokens":15,"prompt_tokens_details":{"cached_tokens":8} } }
        """);
}
