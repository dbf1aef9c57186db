using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using LocalOpenAi.Tests.Support;
using Xunit.Abstractions;

namespace LocalOpenAi.Tests.Server;

/// <summary>
/// 32 concurrent clients sending mixed valid and invalid traffic for a bounded time (LOCALOPENAI_SOAK_SECONDS,
/// 30 by default, 180 in CI): no 5xx but deliberate 503s, memory stable, the server still ready.
/// </summary>
[Collection(SoakCollection.Name)]
public sealed class SoakTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Clients = 32;
    private readonly ServerFixture _server = new();

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Mixed_traffic_from_32_clients_leaves_the_server_healthy()
    {
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("LOCALOPENAI_SOAK_SECONDS"), out var configured) ? configured : 30;
        var deadline = Stopwatch.StartNew();
        var statuses = new System.Collections.Concurrent.ConcurrentBag<int>();
        var warmupEnd = TimeSpan.FromSeconds(seconds / 5.0);
        long? managedAfterWarmup = null;
        long? nativeAfterWarmup = null;

        var clients = Enumerable.Range(0, Clients).Select(async client =>
        {
            var random = new Random(client);
            while (deadline.Elapsed < TimeSpan.FromSeconds(seconds))
            {
                statuses.Add(await SendOneAsync(random));
                if (client == 0 && managedAfterWarmup is null && deadline.Elapsed > warmupEnd)
                {
                    (managedAfterWarmup, nativeAfterWarmup) = MemoryNow();
                }
            }
        });
        await Task.WhenAll(clients);
        var (managedAtEnd, nativeAtEnd) = MemoryNow();

        var byStatus = statuses.GroupBy(status => status).OrderBy(group => group.Key).ToDictionary(group => group.Key, group => group.Count());
        output.WriteLine($"{statuses.Count} requests in {seconds} s: " + string.Join(", ", byStatus.Select(pair => $"{pair.Key}×{pair.Value}")));
        output.WriteLine($"managed heap {managedAfterWarmup / 1e6:F0} → {managedAtEnd / 1e6:F0} MB, working set {nativeAfterWarmup / 1e6:F0} → {nativeAtEnd / 1e6:F0} MB");
        Assert.DoesNotContain(statuses, status => status >= 500 && status != 503);
        Assert.True(byStatus.GetValueOrDefault(200) > Clients, "valid requests should mostly succeed");
        Assert.True(managedAtEnd - managedAfterWarmup < 64_000_000, "the managed heap kept growing");
        Assert.True(nativeAtEnd - nativeAfterWarmup < 256_000_000, "the working set kept growing");
        Assert.Equal(HttpStatusCode.OK, (await _server.Http.GetAsync("ready")).StatusCode);
    }

    private async Task<int> SendOneAsync(Random random)
    {
        try
        {
            switch (random.Next(8))
            {
                case 0:
                    return await PostAsync("v1/chat/completions", """{"model":"tiny","messages":[{"role":"user","content":"hi"}],"max_tokens":8}""");
                case 1:
                    return await StreamAsync(random.Next(2) == 0);
                case 2:
                    return await PostAsync("v1/completions", """{"model":"tiny","prompt":"Once","max_tokens":6,"temperature":0.7}""");
                case 3:
                    return await PostAsync("v1/chat/completions", "{\"messages\": [ broken");
                case 4:
                    return await PostAsync("v1/chat/completions", """{"model":"nope","messages":[{"role":"user","content":"x"}]}""");
                case 5:
                    return await PostAsync("v1/chat/completions", """{"messages":[{"role":"user","content":"x"}],"max_tokens":100000}""");
                case 6:
                    return await PostAsync("v1/chat/completions", """{"messages":[{"role":"user","content":"x"}],"temperature":"warm"}""");
                default:
                    return (int)(await _server.Http.GetAsync("v1/models")).StatusCode;
            }
        }
        catch (TaskCanceledException)
        {
            return 0;
        }
    }

    private async Task<int> PostAsync(string path, string body)
    {
        using var response = await _server.Http.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
        await response.Content.ReadAsStringAsync();
        return (int)response.StatusCode;
    }

    /// <summary>A streamed chat, read to the end or abandoned after the first event (a client that goes away).</summary>
    private async Task<int> StreamAsync(bool abandon)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions")
        {
            Content = JsonContent.Create(new { model = "tiny", stream = true, max_tokens = 24, messages = new[] { new { role = "user", content = "stream" } } }),
        };
        using var response = await _server.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        while (await reader.ReadLineAsync() is { } line)
        {
            if (abandon && line.StartsWith("data:", StringComparison.Ordinal))
            {
                break;
            }
        }

        return (int)response.StatusCode;
    }

    private static (long Managed, long WorkingSet) MemoryNow()
    {
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return (managed, process.WorkingSet64);
    }
}
