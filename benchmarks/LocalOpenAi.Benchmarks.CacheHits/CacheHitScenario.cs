using System.Diagnostics;
using System.Text;
using LocalOpenAi.Server.Cli;

namespace LocalOpenAi.Benchmarks.CacheHits;

/// <summary>
/// Starts the server in-process on loopback with one cache store, primes one deterministic chat
/// request, then sends the same request sequentially and times every hit on both sides.
/// </summary>
internal static class CacheHitScenario
{
    private const int Warmup = 200;
    private const string Body = """{"model":"tiny","messages":[{"role":"user","content":"What is a cache hit?"}],"temperature":0,"max_tokens":16}""";

    public static async Task<HitLatency> RunAsync(string store, string[] storeArguments, int requests, RequestDurations durations)
    {
        string[] args =
        [
            "--model", "synthetic:tiny", "--alias", "tiny", "--host", "127.0.0.1", "--port", "0", "--parallel", "1",
            "--ctx-size", "2048", "--threads", "2", "--Logging:LogLevel:Default=Warning", .. storeArguments,
        ];
        await using var app = ServeCommand.BuildApplication(args);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First().TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(30) };
        await WaitUntilReadyAsync(http);

        var primed = await SendAsync(http);
        if (primed != "MISS")
        {
            throw new InvalidOperationException($"priming answered X-Cache: {primed}, expected MISS");
        }

        for (var i = 0; i < Warmup; i++)
        {
            await ExpectHitAsync(http);
        }

        var roundTrips = new double[requests];
        durations.Start();
        for (var i = 0; i < requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await ExpectHitAsync(http);
            roundTrips[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        var server = durations.Stop();
        if (server.Count != requests)
        {
            throw new InvalidOperationException($"recorded {server.Count} server-side durations for {requests} requests");
        }

        await app.StopAsync();
        return new HitLatency(store, requests, Percentiles.Of(server), Percentiles.Of(roundTrips));
    }

    private static async Task ExpectHitAsync(HttpClient http)
    {
        if (await SendAsync(http) is var cache && cache != "HIT")
        {
            throw new InvalidOperationException($"a repeated request answered X-Cache: {cache}, expected HIT");
        }
    }

    private static async Task<string?> SendAsync(HttpClient http)
    {
        using var content = new StringContent(Body, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("v1/chat/completions", content);
        await response.Content.ReadAsByteArrayAsync();
        response.EnsureSuccessStatusCode();
        return response.Headers.TryGetValues("X-Cache", out var values) ? values.First() : null;
    }

    private static async Task WaitUntilReadyAsync(HttpClient http)
    {
        for (var attempt = 0; attempt < 500; attempt++)
        {
            using var response = await http.GetAsync("ready");
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("the server did not become ready within 10 s");
    }
}
