using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server;

/// <summary>Hostile and malformed requests: each gets the right status and OpenAI error, and the server keeps serving.</summary>
[Collection(ServerCollection.Name)]
public sealed class MalformedRequestTests(ServerFixture server)
{
    private const string Chat = "v1/chat/completions";
    private const string Completions = "v1/completions";
    private const string Embeddings = "v1/embeddings";
    private const string Hi = """[{"role":"user","content":"hi"}]""";

    public static TheoryData<string, string, string, HttpStatusCode, string, string?> Cases => new()
    {
        { "POST", Chat, "", HttpStatusCode.BadRequest, "invalid_request_error", null },
        { "POST", Chat, "{", HttpStatusCode.BadRequest, "invalid_request_error", null },
        { "POST", Chat, "not json at all", HttpStatusCode.BadRequest, "invalid_request_error", null },
        { "POST", Chat, "[]", HttpStatusCode.BadRequest, "invalid_request_error", null },
        { "POST", Chat, "null", HttpStatusCode.BadRequest, "invalid_request_error", null },
        { "POST", Chat, "\"a string\"", HttpStatusCode.BadRequest, "invalid_request_error", null },
        { "POST", Chat, "{}", HttpStatusCode.BadRequest, "invalid_request_error", "messages" },
        { "POST", Chat, """{"messages":[]}""", HttpStatusCode.BadRequest, "invalid_request_error", "messages" },
        { "POST", Chat, """{"messages":"hello"}""", HttpStatusCode.BadRequest, "invalid_request_error", "messages" },
        { "POST", Chat, """{"messages":[{"content":"no role"}]}""", HttpStatusCode.BadRequest, "invalid_request_error", "messages[0]" },
        { "POST", Chat, """{"messages":[{"role":"wizard","content":"x"}]}""", HttpStatusCode.BadRequest, "invalid_request_error", "messages[0].role" },
        { "POST", Chat, """{"messages":[{"role":"user","content":42}]}""", HttpStatusCode.BadRequest, "invalid_request_error", "messages[0].content" },
        { "POST", Chat, """{"messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"x"}}]}]}""", HttpStatusCode.BadRequest, "invalid_request_error", "messages[0].content" },
        { "POST", Chat, """{"messages":[{"role":"user","content":[{"text":"no type"}]}]}""", HttpStatusCode.BadRequest, "invalid_request_error", "messages[0].content" },
        { "POST", Chat, $$"""{"model":"gpt-99","messages":{{Hi}}}""", HttpStatusCode.NotFound, "invalid_request_error", "model" },
        { "POST", Chat, $$"""{"model":42,"messages":{{Hi}}}""", HttpStatusCode.BadRequest, "invalid_request_error", "model" },
        { "POST", Chat, $$"""{"messages":{{Hi}},"temperature":"hot"}""", HttpStatusCode.BadRequest, "invalid_request_error", "temperature" },
        { "POST", Chat, $$"""{"messages":{{Hi}},"temperature":3}""", HttpStatusCode.BadRequest, "invalid_request_error", "temperature" },
        { "POST", Chat, $$"""{"messages":{{Hi}},"temperature":-1}""", HttpStatusCode.BadRequest, "invalid_request_error", "temperature" },
        { "POST", Chat, $$"""{"messages":{{Hi}},"top_p":1.5}""", HttpStatusCode.BadRequest, "invalid_request_error", "top_p" },
        { "POST", Chat, $$"""{"messages":{{Hi}},"max_tokens":0}""", HttpStatusCode.BadRequest, "invalid_request_error", "max_tokens" },
        { "POST", Chat, $$"""{"messages":{{Hi}},"max_tokens":-5}""", HttpStatusCode.BadRequest, "invalid_request_error", "max_tokens" },
        { "POST", Chat, $$"""{"messages":{{Hi}},"max_tokens":1.5}""", HttpStatusCode.BadRequest, "invalid_request_error", "max_tokens" },
        { "POST", Chat, $$"""{"messages":{{Hi}},"max_tokens":99999999}""", HttpStatusCode.BadRequest, "invalid_request_error", "messages" },
        { "POST", Chat, $$"""{"messages":{{Hi}},"max_tokens":"ten"}""", HttpStatusCode.BadRequest, "invalid_request_error", "max_tokens" },
        { "POST", Chat, $$"""{"messages":{{Hi}},"n":0}""", HttpStatusCode.BadRequest, "invalid_request_error", "n" },
        { "POST", Chat, $$"""{"messages":{{Hi}},"n":1000}""", HttpStatusCode.BadRequest, "invalid_request_error", "n" },
        { "POST", Chat, $$"""{"messages":{{Hi}},"stop":42}""", HttpStatusCode.BadRequest, "invalid_request_error", "stop" },
        { "POST", Chat, $$"""{"messages":{{Hi}},"stop":["a","b","c","d","e"]}""", HttpStatusCode.BadRequest, "invalid_request_error", "stop" },
        { "POST", Chat, $$"""{"messages":{{Hi}},"stop":[1,2]}""", HttpStatusCode.BadRequest, "invalid_request_error", "stop" },
        { "POST", Chat, $$"""{"messages":{{Hi}},"presence_penalty":5}""", HttpStatusCode.BadRequest, "invalid_request_error", "presence_penalty" },
        { "POST", Chat, $$"""{"messages":{{Hi}},"frequency_penalty":-3}""", HttpStatusCode.BadRequest, "invalid_request_error", "frequency_penalty" },
        { "POST", Chat, """{"messages":""" + Hi + ""","logit_bias":{"abc":1}}""", HttpStatusCode.BadRequest, "invalid_request_error", "logit_bias" },
        { "POST", Chat, """{"messages":""" + Hi + ""","logit_bias":{"5":500}}""", HttpStatusCode.BadRequest, "invalid_request_error", "logit_bias" },
        { "POST", Chat, $$"""{"messages":{{Hi}},"top_logprobs":50,"logprobs":true}""", HttpStatusCode.BadRequest, "invalid_request_error", "top_logprobs" },
        { "POST", Chat, $$"""{"messages":{{Hi}},"stream":"yes"}""", HttpStatusCode.BadRequest, "invalid_request_error", "stream" },
        { "POST", Chat, $$"""{"messages":{{Hi}},"seed":"abc"}""", HttpStatusCode.BadRequest, "invalid_request_error", "seed" },
        { "POST", Chat, $$"""{"messages":{{Hi}},"grammar":"root ::= ("}""", HttpStatusCode.BadRequest, "invalid_request_error", "grammar" },
        { "POST", Chat, $$"""{"messages":{{Hi}},"top_k":-1}""", HttpStatusCode.BadRequest, "invalid_request_error", "top_k" },
        { "POST", Chat, $$"""{"messages":{{Hi}},"temperature":1e400}""", HttpStatusCode.BadRequest, "invalid_request_error", "temperature" },
        { "POST", Chat, $$"""{"messages":{{Hi}}} trailing""", HttpStatusCode.BadRequest, "invalid_request_error", null },
        { "POST", Completions, "{}", HttpStatusCode.BadRequest, "invalid_request_error", "prompt" },
        { "POST", Completions, """{"prompt":[]}""", HttpStatusCode.BadRequest, "invalid_request_error", "prompt" },
        { "POST", Completions, """{"prompt":{"a":1}}""", HttpStatusCode.BadRequest, "invalid_request_error", "prompt" },
        { "POST", Completions, """{"prompt":[1,"a"]}""", HttpStatusCode.BadRequest, "invalid_request_error", "prompt" },
        { "POST", Completions, """{"prompt":[-1]}""", HttpStatusCode.BadRequest, "invalid_request_error", "prompt" },
        { "POST", Completions, """{"prompt":[99999999]}""", HttpStatusCode.BadRequest, "invalid_request_error", "prompt" },
        { "POST", Completions, """{"prompt":"hi","logprobs":99}""", HttpStatusCode.BadRequest, "invalid_request_error", "logprobs" },
        { "POST", Completions, """{"prompt":"hi","model":"nope"}""", HttpStatusCode.NotFound, "invalid_request_error", "model" },
        { "POST", Embeddings, """{"input":"hi"}""", HttpStatusCode.BadRequest, "invalid_request_error", "model" },
        { "POST", Embeddings, """{"input":[]}""", HttpStatusCode.BadRequest, "invalid_request_error", "input" },
        { "POST", Embeddings, """{"input":"hi","encoding_format":"hex"}""", HttpStatusCode.BadRequest, "invalid_request_error", "encoding_format" },
        { "POST", "tokenize", """{"content":5}""", HttpStatusCode.BadRequest, "invalid_request_error", "content" },
        { "POST", "detokenize", """{"tokens":[-4]}""", HttpStatusCode.BadRequest, "invalid_request_error", "tokens" },
        { "POST", "apply-template", """{"messages":[]}""", HttpStatusCode.BadRequest, "invalid_request_error", "messages" },
        { "GET", Chat, "", HttpStatusCode.MethodNotAllowed, "invalid_request_error", null },
        { "DELETE", "v1/models", "", HttpStatusCode.MethodNotAllowed, "invalid_request_error", null },
        { "GET", "v1/nothing-here", "", HttpStatusCode.NotFound, "invalid_request_error", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_request_is_answered_with_an_openai_error_and_the_server_keeps_serving(
        string method, string path, string body, HttpStatusCode status, string type, string? param)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method != "GET")
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        using var response = await server.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(status, response.StatusCode);
        using var json = JsonDocument.Parse(text);
        var error = json.RootElement.GetProperty("error");
        Assert.Equal(type, error.GetProperty("type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        if (param is not null)
        {
            Assert.Equal(param, error.GetProperty("param").GetString());
        }

        Assert.DoesNotContain("   at ", text);
        Assert.DoesNotContain("Exception", text);
        Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync("ready")).StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413()
    {
        var huge = new string('a', 9 * 1024 * 1024);
        using var request = new HttpRequestMessage(HttpMethod.Post, Chat)
        {
            Content = new StringContent($$"""{"messages":[{"role":"user","content":"{{huge}}"}]}""", Encoding.UTF8, "application/json"),
        };

        // As curl does for large bodies: the server can refuse before the body is sent.
        request.Headers.ExpectContinue = true;
        using var response = await server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("too large", await response.Content.ReadAsStringAsync());
    }
}
