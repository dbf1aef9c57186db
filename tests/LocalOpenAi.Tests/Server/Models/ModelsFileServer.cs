using System.Net.Http.Json;
using System.Text.Json;
using LocalOpenAi.Server.Models.Loading;
using LocalOpenAi.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LocalOpenAi.Tests.Server.Models;

/// <summary>A real server on a loopback port, serving the aliases of a models file written by the test.</summary>
internal sealed class ModelsFileServer : IAsyncDisposable
{
    private readonly LoopbackHost _host;

    private ModelsFileServer(LoopbackHost host)
    {
        _host = host;

        // Every request must reach a model: a response cache hit would not use (or touch) one.
        Http.DefaultRequestHeaders.CacheControl = new System.Net.Http.Headers.CacheControlHeaderValue { NoCache = true };
    }

    public HttpClient Http => _host.Http;

    public ModelManager Models => _host.Services.GetRequiredService<ModelManager>();

    public static async Task<ModelsFileServer> StartAsync(string modelsFileYaml, params string[] arguments)
    {
        var path = TestModels.NewPath(".yaml");
        await File.WriteAllTextAsync(path, modelsFileYaml);
        return new ModelsFileServer(await ServerHost.StartAsync(
            ["--models-file", path, "--parallel", "2", "--ctx-size", "1024", "--Inference:MaintenanceInterval=00:00:00.100", .. arguments]));
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

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
