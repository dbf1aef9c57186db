using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server.Caching;

/// <summary>Request bodies and a bounded sender for the response cache tests; every body names its own unique text.</summary>
internal static class CacheRequests
{
    public const string ChatPath = "v1/chat/completions";
    public const string CompletionsPath = "v1/completions";

    /// <summary>A short chat request; temperature 0 (deterministic) unless told otherwise; a stream asks for usage unless told otherwise.</summary>
    public static string Chat(string content, double? temperature = 0, int? seed = null, bool stream = false, int maxTokens = 8, bool ignoreEos = false, bool includeUsage = true)
    {
        var body = new JsonObject
        {
            ["model"] = ServerFixture.ModelAlias,
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = content }),
            ["max_tokens"] = maxTokens,
        };
        if (ignoreEos)
        {
            body["ignore_eos"] = true;
        }

        AddSampling(body, temperature, seed, stream, includeUsage);
        return body.ToJsonString();
    }

    /// <summary>A short legacy completion request.</summary>
    public static string Completion(string prompt, bool stream = false, int maxTokens = 8)
    {
        var body = new JsonObject { ["model"] = ServerFixture.ModelAlias, ["prompt"] = prompt, ["max_tokens"] = maxTokens };
        AddSampling(body, 0, null, stream, includeUsage: true);
        return body.ToJsonString();
    }

    /// <summary>Text no other test sends, so entries never leak between tests sharing a server.</summary>
    public static string Unique(string label) => $"{label} {Guid.NewGuid():N}";

    /// <summary>Posts <paramref name="json"/> and reads the whole answer; fails the test past 30 s instead of hanging.</summary>
    public static async Task<CacheReply> SendAsync(HttpClient http, string path, string json, Action<HttpRequestHeaders>? headers = null)
    {
        using var timeout = new CancellationTokenSource(TestLimits.Hang);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        headers?.Invoke(request.Headers);
        using var response = await http.SendAsync(request, timeout.Token);
        var body = await response.Content.ReadAsStringAsync(timeout.Token);
        return new CacheReply(response.StatusCode, Header(response, "X-Cache"), Header(response, "X-Route"), body);
    }

    private static void AddSampling(JsonObject body, double? temperature, int? seed, bool stream, bool includeUsage)
    {
        if (temperature is { } value)
        {
            body["temperature"] = value;
        }

        if (seed is { } given)
        {
            body["seed"] = given;
        }

        if (stream)
        {
            body["stream"] = true;
            if (includeUsage)
            {
                body["stream_options"] = new JsonObject { ["include_usage"] = true };
            }
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}
