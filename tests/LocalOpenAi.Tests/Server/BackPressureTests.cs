using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server;

/// <summary>One slot, a queue of one: the third concurrent request is refused with 503 and Retry-After.</summary>
public sealed class BackPressureTests : IAsyncLifetime
{
    private readonly SingleSlotServer _server = new();

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task A_full_queue_answers_503_with_retry_after_and_the_queued_work_still_completes()
    {
        using var cancel = new CancellationTokenSource();
        var running = Send(3900, cancel.Token);
        await WaitForMetricAsync("localopenai_slots_busy{model=\"tiny\"} 1");
        var queued = Send(4, CancellationToken.None);
        await WaitForMetricAsync("localopenai_queue_depth{model=\"tiny\"} 1");

        using var refused = await Send(4, CancellationToken.None);
        await cancel.CancelAsync();
        using var queuedResponse = await queued;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null, "503 must say when to retry");
        using var error = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("overloaded", error.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, queuedResponse.StatusCode);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    private async Task WaitForMetricAsync(string line)
    {
        for (var i = 0; i < 1000 && !(await _server.Http.GetStringAsync("metrics")).Contains(line, StringComparison.Ordinal); i++)
        {
            await Task.Delay(5);
        }
    }

    private Task<HttpResponseMessage> Send(int maxTokens, CancellationToken cancellationToken) =>
        _server.Http.PostAsJsonAsync(
            "v1/chat/completions",
            new { model = ServerFixture.ModelAlias, messages = new[] { new { role = "user", content = "go" } }, max_tokens = maxTokens, ignore_eos = true, temperature = 0.5 },
            cancellationToken);

    private sealed class SingleSlotServer : ServerFixture
    {
        protected override IEnumerable<string> ExtraArguments => ["--parallel", "1", "--queue-size", "1", "--ctx-size", "4096"];
    }
}
