using LocalOpenAi.Server.Cli;

namespace LocalOpenAi.Tests.Support;

/// <summary>Our server in this process: built from command-line arguments exactly as the executable builds it, started on a loopback port and ready.</summary>
internal static class ServerHost
{
    /// <summary>Starts the server with <paramref name="arguments"/> after the ones every test server shares (a later flag wins) and waits for <c>/ready</c>.</summary>
    public static async Task<LoopbackHost> StartAsync(IEnumerable<string> arguments)
    {
        var host = await LoopbackHost.StartAsync(ServeCommand.BuildApplication(
        [
            "--port", "0", "--threads", "2", "--Logging:LogLevel:Default=Warning",

            // Many servers share the test process: a scrape's process metrics would walk all their threads.
            "--Metrics:ProcessMetrics=false", .. arguments,
        ]));
        if (!await WaitUntilReadyAsync(host.Http, () => host.IsStopping))
        {
            await host.DisposeAsync();
            throw new InvalidOperationException("the server stopped before it was ready");
        }

        return host;
    }

    /// <summary>Polls <c>/ready</c> until it answers 200 (true), or until <paramref name="ended"/> says the server is gone (false).</summary>
    public static async Task<bool> WaitUntilReadyAsync(HttpClient http, Func<bool> ended)
    {
        using var hang = new CancellationTokenSource(TestLimits.Hang);
        while (!ended())
        {
            try
            {
                using var ready = await http.GetAsync("ready", hang.Token);
                if (ready.IsSuccessStatusCode)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet: a server process still starting.
            }

            await Task.Delay(20, hang.Token);
        }

        return false;
    }
}
