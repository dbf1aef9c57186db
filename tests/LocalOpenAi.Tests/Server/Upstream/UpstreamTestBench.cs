using System.Text.Json.Nodes;
using LocalOpenAi.Server.Upstream;
using LocalOpenAi.Tests.Server.Metrics;
using LocalOpenAi.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LocalOpenAi.Tests.Server.Upstream;

/// <summary>A fault proxy in front of the real test server, and forwarders pointed at the proxy.</summary>
internal sealed class UpstreamTestBench : IAsyncDisposable
{
    public const string Alias = "cloud-model";

    private readonly List<UpstreamForwarder> _forwarders = [];

    private UpstreamTestBench(FaultProxy proxy) => Proxy = proxy;

    public FaultProxy Proxy { get; }

    public MetricsContainer Metrics { get; } = new();

    public static async Task<UpstreamTestBench> StartAsync(ServerFixture upstream) => new(await FaultProxy.StartAsync(upstream.BaseAddress));

    /// <summary>Short timeouts and backoff so that every failure path ends within a few seconds.</summary>
    public UpstreamForwarder Forwarder(Action<UpstreamOptions>? configure = null, bool withV1 = false)
    {
        var options = new UpstreamOptions
        {
            Url = withV1 ? new Uri(Proxy.BaseAddress, "v1").ToString() : Proxy.BaseAddress.ToString(),
            Key = "sk-test-secret",
            ConnectTimeout = TimeSpan.FromSeconds(2),
            ReadTimeout = TimeSpan.FromSeconds(20),
            MaxRetries = 2,
            RetryBaseDelay = TimeSpan.FromMilliseconds(20),
            RetryMaxDelay = TimeSpan.FromMilliseconds(200),
            MaxRetryAfter = TimeSpan.FromSeconds(2),
            ModelMap = new(StringComparer.OrdinalIgnoreCase) { [Alias] = ServerFixture.ModelAlias },
        };
        configure?.Invoke(options);
        Assert.True(new UpstreamOptionsValidator().Validate(null, options).Succeeded);
        var forwarder = new UpstreamForwarder(Options.Create(options), Metrics.Metrics, NullLogger<UpstreamForwarder>.Instance, TimeProvider.System);
        _forwarders.Add(forwarder);
        return forwarder;
    }

    public static UpstreamRequest Chat(bool stream, int maxTokens = 8, bool capture = true) => new(
        UpstreamEndpoint.ChatCompletions,
        new JsonObject
        {
            ["model"] = Alias,
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = "Say hello" }),
            ["max_tokens"] = maxTokens,
            ["temperature"] = 0,
            ["stream"] = stream,
        },
        Alias,
        capture);

    /// <summary>Forwards into an in-memory response and returns the outcome with the bytes written.</summary>
    public static async Task<(UpstreamResult Result, byte[] Written, HttpResponse Response)> ForwardAsync(UpstreamForwarder forwarder, UpstreamRequest request, CancellationToken cancellationToken)
    {
        var context = new DefaultHttpContext();
        var body = new MemoryStream();
        context.Response.Body = body;
        var result = await forwarder.ForwardAsync(request, context.Response, cancellationToken);
        if (result.Error == UpstreamError.StreamCut)
        {
            await UpstreamStreamError.WriteAsync(context.Response, result, cancellationToken);
        }

        return (result, body.ToArray(), context.Response);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var forwarder in _forwarders)
        {
            forwarder.Dispose();
        }

        Metrics.Dispose();
        await Proxy.DisposeAsync();
    }
}
