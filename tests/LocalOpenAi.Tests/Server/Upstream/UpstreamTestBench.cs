using System.Text;
using System.Text.Json.Nodes;
using LocalOpenAi.Router.Accounting;
using LocalOpenAi.Router.Routing;
using LocalOpenAi.Server.Backends;
using LocalOpenAi.Server.Upstream;
using LocalOpenAi.Tests.Server.Metrics;
using LocalOpenAi.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using LocalOpenAi.Server.Requests;
using LocalOpenAi.Server.Accounting;

namespace LocalOpenAi.Tests.Server.Upstream;

/// <summary>A fault proxy in front of the real test server, and forwarders pointed at the proxy.</summary>
internal sealed class UpstreamTestBench : IAsyncDisposable
{
    public const string Alias = "cloud-model";

    private readonly List<UpstreamForwarder> _forwarders = [];

    private UpstreamTestBench(FaultProxy proxy) => Proxy = proxy;

    public FaultProxy Proxy { get; }

    public MetricsContainer Metrics { get; } = new();

    private readonly ServiceProvider _services = new ServiceCollection()
        .AddSingleton(TimeProvider.System)
        .AddSingleton(Options.Create(new ServerOptions()))
        .BuildServiceProvider();

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

    public static UpstreamRequest Chat(bool stream, int maxTokens = 8) => new(
        UpstreamEndpoint.ChatCompletions,
        new JsonObject
        {
            ["model"] = Alias,
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = "Say hello" }),
            ["max_tokens"] = maxTokens,
            ["temperature"] = 0,
            ["stream"] = stream,
        },
        Alias);

    /// <summary>
    /// Sends through <paramref name="forwarder"/> and, when the upstream answered, writes its outcome as
    /// the server would (<see cref="UpstreamBackend"/>, <see cref="OutcomeResult"/>) into an in-memory response.
    /// </summary>
    public async Task<(ForwardRun Result, byte[] Written, HttpResponse Response)> ForwardAsync(UpstreamForwarder forwarder, UpstreamRequest request, CancellationToken cancellationToken)
    {
        var context = new DefaultHttpContext { RequestServices = _services };
        var body = new MemoryStream();
        context.Response.Body = body;
        var upstream = await forwarder.SendAsync(request, cancellationToken);
        if (upstream.Failure is { } failure)
        {
            upstream.Dispose();
            return (new ForwardRun(failure.Error, failure.StatusCode, failure.Attempts, failure.RetryAfter, failure.ClientStatus, failure.Reason, ResponseStarted: false), [], context.Response);
        }

        var (status, attempts) = (upstream.StatusCode, upstream.Attempts);
        var backend = new UpstreamBackend(forwarder, new CostAccounting(new CostLedger(new RouterOptions()), Metrics.Metrics));
        var outcome = await backend.AnswerAsync(upstream, context, request.Model, cancellationToken);
        await new OutcomeResult(Task.FromResult(outcome), request.Stream, OpenAiDialect.Instance).ExecuteAsync(context);
        var written = body.ToArray();
        var cut = Encoding.UTF8.GetString(written).Contains("\"code\":\"upstream_stream_cut\"", StringComparison.Ordinal);
        var error = cut ? UpstreamError.StreamCut : UpstreamError.None;
        return (new ForwardRun(error, status, attempts, null, status ?? 0, "upstream_" + UpstreamErrorKind.For(error), ResponseStarted: true), written, context.Response);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var forwarder in _forwarders)
        {
            forwarder.Dispose();
        }

        Metrics.Dispose();
        await _services.DisposeAsync();
        await Proxy.DisposeAsync();
    }
}
