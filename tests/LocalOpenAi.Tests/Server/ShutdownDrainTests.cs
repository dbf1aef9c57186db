using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server;

/// <summary>Generations that cannot finish within the drain window end cleanly: streams with an error event and [DONE], others with 503.</summary>
public sealed class ShutdownDrainTests : IAsyncLifetime
{
    private readonly ShortDrainServer _server = new();

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task Past_the_drain_window_a_stream_ends_with_a_shutdown_error_and_done_and_a_blocking_request_gets_503()
    {
        using var streamRequest = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions") { Content = JsonContent.Create(Long(stream: true)) };
        using var stream = await _server.Http.SendAsync(streamRequest, HttpCompletionOption.ResponseHeadersRead);
        var reading = stream.Content.ReadAsStringAsync();
        var blocking = _server.Http.PostAsJsonAsync("v1/chat/completions", Long(stream: false));
        await WaitUntilBusyAsync(slots: 2);

        await _server.StopAsync();
        var text = await reading;
        using var blocked = await blocking;

        Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
        var events = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("data: [DONE]", events[^1]);
        var error = JsonNode.Parse(events[^2]["data: ".Length..])!["error"]!;
        Assert.Equal("server_shutting_down", error["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, blocked.StatusCode);
        Assert.Equal("server_shutting_down", JsonNode.Parse(await blocked.Content.ReadAsStringAsync())!["error"]!["code"]!.GetValue<string>());
    }

    private static object Long(bool stream) => new
    {
        model = ServerFixture.ModelAlias,
        messages = new[] { new { role = "user", content = "Keep going for a long while" } },
        max_tokens = 1900,
        temperature = 0,
        ignore_eos = true,
        stream,
    };

    private async Task WaitUntilBusyAsync(int slots)
    {
        using var deadline = new CancellationTokenSource(TestLimits.Hang);
        while (!(await _server.Http.GetStringAsync("metrics", deadline.Token)).Contains($"localopenai_slots_busy{{model=\"tiny\"}} {slots}", StringComparison.Ordinal))
        {
            await Task.Delay(10, deadline.Token);
        }
    }

    /// <summary>A drain window far shorter than the generations in flight.</summary>
    private sealed class ShortDrainServer : ServerFixture
    {
        protected override IEnumerable<string> ExtraArguments => ["--Inference:DrainTimeout=00:00:00.200"];
    }
}
