using System.Net.Http.Json;
using System.Text.Json;
using LocalOpenAi.Server.Models.Loading;
using LocalOpenAi.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using LocalOpenAi.Server.Cli;

namespace LocalOpenAi.Tests.Server.Models;

/// <summary>A real server on a loopback port, serving the aliases of a models file written by the test.</summary>
internal sealed class ModelsFileServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ModelsFileServer(WebApplication app, HttpClient http)
    {
        _app = app;
        Http = http;
    }

    public HttpClient Http { get; }

    public ModelManager Models => _app.Services.GetRequiredService<ModelManager>();

    public static async Task<ModelsFileServer> StartAsync(string modelsFileYaml, params string[] arguments)
    {
        var path = TestModels.NewPath(".yaml");
        await File.WriteAllTextAsync(path, modelsFileYaml);
        var app = ServeCommand.BuildApplication(
        [
            "--models-file", path, "--port", "0", "--threads", "2", "--parallel", "2", "--ctx-size", "1024",
            "--Inference:MaintenanceInterval=00:00:00.100", "--Logging:LogLevel:Default=Warning", .. arguments,
        ]);
        await app.StartAsync();
        var http = new HttpClient { BaseAddress = new Uri(app.Urls.First().TrimEnd('/') + "/"), Timeout = TestLimits.Hang };

        // Every request must reach a model: a response cache hit would not use (or touch) one.
        http.DefaultRequestHeaders.CacheControl = new System.Net.Http.Headers.CacheControlHeaderValue { NoCache = true };
        return new ModelsFileServer(app, http);
    }

    /// <summary>A short greedy chat completion on <paramref name="alias"/>; returns the status and the body.</summary>
    public async Task<(System.Net.HttpStatusCode Status, JsonElement Body)> ChatAsync(string alias, string content = "Say something", int? maxTokens = 8)
    {
        using var response = await Http.PostAsJsonAsync("v1/chat/completions", new
        {
            model = alias,
            messages = new[] { new { role = "user", content } },
            max_tokens = maxTokens,
            temperature = 0,
            ignore_eos = true,
        });
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    /// <summary>The <c>state</c> of every alias in <c>/v1/models</c>.</summary>
    public async Task<Dictionary<string, string>> StatesAsync()
    {
        using var list = JsonDocument.Parse(await Http.GetStringAsync("v1/models"));
        return list.RootElement.GetProperty("data").EnumerateArray()
            .Where(card => card.GetProperty("owned_by").GetString() == "localopenai")
            .ToDictionary(card => card.GetProperty("id").GetString()!, card => card.GetProperty("state").GetString()!);
    }

    /// <summary>A counter's value from <c>/metrics</c> (0 when the series is absent).</summary>
    public async Task<double> MetricAsync(string series)
    {
        var line = (await Http.GetStringAsync("metrics")).Split('\n').FirstOrDefault(text => text.StartsWith(series + " ", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[(series.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
