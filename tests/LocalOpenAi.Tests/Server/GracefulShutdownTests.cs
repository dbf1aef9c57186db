using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server;

/// <summary>Stopping the host lets running generations finish, refuses new ones, and then frees the model.</summary>
public sealed class GracefulShutdownTests : IAsyncLifetime
{
    private readonly PatientDrainServer _server = new();

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task A_generation_running_at_shutdown_completes_and_new_work_is_refused()
    {
        var running = _server.Http.PostAsJsonAsync("v1/chat/completions", new
        {
            model = ServerFixture.ModelAlias,
            messages = new[] { new { role = "user", content = "Keep going" } },
            max_tokens = 300,
            temperature = 0,
            ignore_eos = true,
        });
        await WaitUntilBusyAsync();

        var stopping = _server.StopAsync();
        await Task.Delay(50);
        using var newClient = new HttpClient { BaseAddress = _server.BaseAddress };
        var lateStatus = await TrySendAsync(() => newClient.PostAsJsonAsync("v1/chat/completions", new { model = ServerFixture.ModelAlias, messages = new[] { new { role = "user", content = "late" } } }));
        using var completed = await running;
        await stopping;

        // A new connection is refused once Kestrel stops listening; a request that slips in is refused by the model (503).
        Assert.True(lateStatus is null or HttpStatusCode.ServiceUnavailable, $"a request after shutdown began got {lateStatus}");
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        using var body = JsonDocument.Parse(await completed.Content.ReadAsStringAsync());
        Assert.Equal(300, body.RootElement.GetProperty("usage").GetProperty("completion_tokens").GetInt32());
    }

    private static async Task<HttpStatusCode?> TrySendAsync(Func<Task<HttpResponseMessage>> send)
    {
        try
        {
            using var response = await send();
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private async Task WaitUntilBusyAsync()
    {
        for (var i = 0; i < 500; i++)
        {
            var metrics = await _server.Http.GetStringAsync("metrics");
            if (metrics.Contains("localopenai_slots_busy{model=\"tiny\"} 1", StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException("the generation never started");
    }

    /// <summary>A drain window no loaded machine outlasts: the test is about what happens inside it, not its length.</summary>
    private sealed class PatientDrainServer : ServerFixture
    {
        protected override IEnumerable<string> ExtraArguments => ["--Inference:DrainTimeout=00:04:00"];
    }
}
