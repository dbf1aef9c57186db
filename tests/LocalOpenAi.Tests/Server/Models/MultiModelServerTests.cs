using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LocalOpenAi.Formats.Gguf;
using LocalOpenAi.Formats.Gguf.Synthetic;
using LocalOpenAi.Server.Models.Catalog;
using LocalOpenAi.Server.Models.Loading;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server.Models;

/// <summary>Several aliases from a models file: load on first use, limits, eviction, idle unload, admin endpoints.</summary>
public sealed class MultiModelServerTests
{
    private static string Tiny(int seed) => TestModels.Get(SyntheticModelPreset.Tiny, GgufQuantization.Q8_0, seed);

    private static string ThreeAliases(string extra = "") => $"""
        models:
          a: {"{"} model: {Tiny(1)}{extra} {"}"}
          b: {"{"} model: {Tiny(2)}{extra} {"}"}
          c: {"{"} model: {Tiny(3)}{extra} {"}"}
        """;

    [Fact]
    public async Task Aliases_load_on_first_use_and_two_serve_at_the_same_time()
    {
        await using var server = await ModelsFileServer.StartAsync(ThreeAliases());
        Assert.Equal(new Dictionary<string, string> { ["a"] = "unloaded", ["b"] = "unloaded", ["c"] = "unloaded" }, await server.StatesAsync());
        Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync("ready")).StatusCode);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => server.ChatAsync(i % 2 == 0 ? "a" : "b", $"request {i}")));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.Status));
        Assert.Equal(["a", "b", "a", "b", "a", "b"], answers.Select(answer => answer.Body.GetProperty("model").GetString()));
        Assert.Equal(new Dictionary<string, string> { ["a"] = "loaded", ["b"] = "loaded", ["c"] = "unloaded" }, await server.StatesAsync());
        using var list = JsonDocument.Parse(await server.Http.GetStringAsync("v1/models"));
        var a = list.RootElement.GetProperty("data").EnumerateArray().First(card => card.GetProperty("id").GetString() == "a");
        Assert.Equal(ModelFootprint.Measure(Tiny(1), Definition("a", Tiny(1))).TotalBytes, a.GetProperty("memory_bytes").GetInt64());
    }

    [Fact]
    public async Task Concurrent_first_requests_for_one_alias_load_it_once()
    {
        await using var server = await ModelsFileServer.StartAsync(ThreeAliases());

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => server.ChatAsync("b", $"request {i}", maxTokens: 2)));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.Status));
        Assert.Equal(1, await server.MetricAsync("localopenai_model_loads_total{model=\"b\",result=\"loaded\"}"));
    }

    [Fact]
    public async Task Loading_past_max_loaded_models_unloads_the_least_recently_used_idle_alias()
    {
        await using var server = await ModelsFileServer.StartAsync(ThreeAliases(), "--max-loaded-models", "2");

        foreach (var alias in (string[])["a", "b", "a", "c"])
        {
            Assert.Equal(HttpStatusCode.OK, (await server.ChatAsync(alias)).Status);
        }

        Assert.Equal(new Dictionary<string, string> { ["a"] = "loaded", ["b"] = "unloaded", ["c"] = "loaded" }, await server.StatesAsync());
        Assert.Equal(1, await server.MetricAsync("localopenai_model_unloads_total{model=\"b\",reason=\"evicted\"}"));
    }

    [Fact]
    public async Task A_memory_budget_for_two_models_keeps_two_loaded_and_refuses_a_model_bigger_than_all_of_it()
    {
        var one = ModelFootprint.Measure(Tiny(1), Definition("a", Tiny(1))).TotalBytes;
        var big = TestModels.Get(SyntheticModelPreset.Small, GgufQuantization.Q8_0);
        await using var server = await ModelsFileServer.StartAsync(
            ThreeAliases() + $"\n  big: {{ model: {big} }}\n", "--memory-budget", (one * 2 + one / 2).ToString(System.Globalization.CultureInfo.InvariantCulture));

        foreach (var alias in (string[])["a", "b", "c"])
        {
            Assert.Equal(HttpStatusCode.OK, (await server.ChatAsync(alias)).Status);
        }

        var tooBig = await server.ChatAsync("big");

        Assert.Equal(new Dictionary<string, string> { ["a"] = "unloaded", ["b"] = "loaded", ["c"] = "loaded", ["big"] = "unloaded" }, await server.StatesAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, tooBig.Status);
        Assert.Contains("more than the whole memory budget", tooBig.Body.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_with_a_request_in_flight_is_not_unloaded_to_make_room()
    {
        await using var server = await ModelsFileServer.StartAsync(ThreeAliases(), "--max-loaded-models", "1", "--Inference:LoadWaitTimeout=00:00:01");
        var inFlight = await server.Models.AcquireAsync("a", CancellationToken.None);

        var refused = await server.ChatAsync("b");
        var statesWhileBusy = await server.StatesAsync();
        inFlight.Lease!.Dispose();
        var afterwards = await server.ChatAsync("b");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.Status);
        Assert.Contains("serving requests", refused.Body.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(("loaded", "unloaded"), (statesWhileBusy["a"], statesWhileBusy["b"]));
        Assert.Equal(HttpStatusCode.OK, afterwards.Status);
        Assert.Equal("unloaded", (await server.StatesAsync())["a"]);
    }

    [Fact]
    public async Task A_request_waiting_for_room_loads_its_model_as_soon_as_the_busy_one_is_released()
    {
        await using var server = await ModelsFileServer.StartAsync(ThreeAliases(), "--max-loaded-models", "1");
        var inFlight = await server.Models.AcquireAsync("a", CancellationToken.None);

        var waiting = server.ChatAsync("b");
        await Task.Delay(300);
        var finishedEarly = waiting.IsCompleted;
        inFlight.Lease!.Dispose();

        Assert.False(finishedEarly);
        Assert.Equal(HttpStatusCode.OK, (await waiting).Status);
    }

    [Fact]
    public async Task A_streaming_response_holds_its_model_until_its_last_event()
    {
        await using var server = await ModelsFileServer.StartAsync(ThreeAliases());
        using var stream = await StartStreamAsync(server, "a");

        var whileStreaming = server.Models.Describe("a")!.InFlight;
        await stream.Content.ReadAsStringAsync();
        var afterwards = await WaitUntilAsync(() => server.Models.Describe("a")!.InFlight == 0);

        Assert.Equal(1, whileStreaming);
        Assert.True(afterwards, "the lease outlived the response");
    }

    [Fact]
    public async Task Admin_endpoints_load_and_unload_and_refuse_to_unload_a_busy_model()
    {
        await using var server = await ModelsFileServer.StartAsync(ThreeAliases(), "--api-key", "client-key", "--Security:AdminKey=admin-key");
        using var admin = new HttpClient { BaseAddress = server.Http.BaseAddress };
        admin.DefaultRequestHeaders.Authorization = new("Bearer", "admin-key");
        server.Http.DefaultRequestHeaders.Authorization = new("Bearer", "client-key");

        var byClient = await server.Http.PostAsync("admin/models/a/load", null);
        var loaded = await admin.PostAsync("admin/models/a/load", null);
        var inFlight = await server.Models.AcquireAsync("a", CancellationToken.None);
        var busy = await admin.PostAsync("admin/models/a/unload", null);
        inFlight.Lease!.Dispose();

        var unloaded = await admin.PostAsync("admin/models/a/unload", null);
        var unknown = await admin.PostAsync("admin/models/nope/load", null);

        Assert.Equal(HttpStatusCode.Forbidden, byClient.StatusCode);
        Assert.Equal("loaded", (await loaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, busy.StatusCode);
        Assert.Contains("in flight", (await busy.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("unloaded", (await unloaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task An_alias_idle_past_the_limit_is_unloaded_without_losing_readiness_and_loads_again_on_the_next_request()
    {
        await using var server = await ModelsFileServer.StartAsync($"models:\n  a: {{ model: {Tiny(1)}, preload: true }}\n", "--idle-unload", "1");
        Assert.Equal(HttpStatusCode.OK, (await server.ChatAsync("a")).Status);

        var unloaded = await WaitForStateAsync(server, "a", "unloaded");

        Assert.True(unloaded, "the idle alias was never unloaded");
        Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync("ready")).StatusCode);

        // Counted once its native memory is freed, which follows the state by the time the context takes to dispose.
        Assert.True(await WaitUntilAsync(async () => await server.MetricAsync("localopenai_model_unloads_total{model=\"a\",reason=\"idle\"}") == 1));
        Assert.Equal(HttpStatusCode.OK, (await server.ChatAsync("a")).Status);
    }

    [Fact]
    public async Task An_alias_applies_its_sampling_defaults_to_requests_that_leave_them_out()
    {
        await using var server = await ModelsFileServer.StartAsync($"models:\n  short: {{ model: {Tiny(1)}, defaults: {{ max_tokens: 5 }} }}\n");

        var withDefault = await server.ChatAsync("short", maxTokens: null);
        var explicitly = await server.ChatAsync("short", maxTokens: 2);

        Assert.Equal(5, withDefault.Body.GetProperty("usage").GetProperty("completion_tokens").GetInt32());
        Assert.Equal(2, explicitly.Body.GetProperty("usage").GetProperty("completion_tokens").GetInt32());
    }

    [Fact]
    public async Task Preloaded_aliases_hold_readiness_and_an_unloadable_one_is_a_503_with_the_reason()
    {
        var broken = TestModels.NewPath();
        await File.WriteAllTextAsync(broken, "not a model");
        await using var server = await ModelsFileServer.StartAsync($"models:\n  a: {{ model: {Tiny(1)}, preload: true }}\n  broken: {{ model: {broken} }}\n");

        Assert.True(await WaitForStateAsync(server, "a", "loaded"));
        var ready = await server.Http.GetAsync("ready");
        var answer = await server.ChatAsync("broken");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Status);
        Assert.Contains("not a GGUF", answer.Body.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await server.ChatAsync("a")).Status);
    }

    private static ModelDefinition Definition(string alias, string path) =>
        new(alias, path, null, 1024, 2, -1, false, false, SamplingDefaults.None, null);

    /// <summary>Starts a long stream and reads its first event, leaving the rest unread so the request stays in flight.</summary>
    private static async Task<HttpResponseMessage> StartStreamAsync(ModelsFileServer server, string alias)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions")
        {
            Content = JsonContent.Create(new { model = alias, messages = new[] { new { role = "user", content = "go on" } }, max_tokens = 400, stream = true, ignore_eos = true }),
        };
        var response = await server.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return response;
    }

    private static Task<bool> WaitForStateAsync(ModelsFileServer server, string alias, string state) =>
        WaitUntilAsync(() => server.Models.Describe(alias)!.State == state);

    private static Task<bool> WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    /// <summary>True once <paramref name="condition"/> holds; false only if it never does within the hang net.</summary>
    private static async Task<bool> WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TestLimits.Hang;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }
}
