using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using LocalOpenAi.Server.Metrics;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;

namespace LocalOpenAi.Server.Upstream;

/// <summary>
/// Forwards OpenAI requests to the configured upstream and relays its answers byte for byte, with
/// retries (jittered exponential backoff, Retry-After) before anything reaches our client and one
/// circuit breaker for the upstream. Expected failures come back as <see cref="UpstreamResult"/> values.
/// </summary>
/// <remarks>
/// A singleton: one pooled connection handler and one breaker. Thread-safe. The upstream key goes
/// only into the <c>Authorization</c> header and is never logged. A stream cut after bytes were
/// relayed does not count towards the breaker (it is outside the retried section).
/// </remarks>
internal sealed partial class UpstreamForwarder : IDisposable
{
    private readonly UpstreamOptions _options;
    private readonly Uri? _baseUri;
    private readonly HttpMessageInvoker _invoker;
    private readonly LocalOpenAiMetrics _metrics;
    private readonly ILogger<UpstreamForwarder> _logger;
    private readonly TimeProvider _timeProvider;
    private readonly CircuitBreakerStateProvider _circuit = new();
    private readonly ResiliencePipeline<UpstreamResponse> _pipeline;

    public UpstreamForwarder(IOptions<UpstreamOptions> options, LocalOpenAiMetrics metrics, ILogger<UpstreamForwarder> logger, TimeProvider timeProvider)
    {
        _options = options.Value;
        _baseUri = _options.BaseUri;
        _metrics = metrics;
        _logger = logger;
        _timeProvider = timeProvider;
        _invoker = new HttpMessageInvoker(new SocketsHttpHandler
        {
            ConnectTimeout = _options.ConnectTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
        });
        _pipeline = UpstreamResilience.Build(_options, timeProvider, _circuit, logger);
    }

    /// <summary>Whether an upstream URL is configured.</summary>
    public bool IsConfigured => _baseUri is not null;

    /// <summary>Whether this upstream names <paramref name="model"/> in its model map.</summary>
    public bool Serves(string? model) => _options.Serves(model);

    /// <summary>The API the upstream speaks.</summary>
    public UpstreamKind Kind => _options.Kind;

    /// <summary><c>max_tokens</c> for an Anthropic upstream when a request sets none.</summary>
    public int DefaultMaxTokens => _options.DefaultMaxTokens;

    /// <summary>Values that must never reach a client or a log: the upstream key.</summary>
    public IReadOnlyList<string> Secrets => string.IsNullOrEmpty(_options.Key) ? [] : [_options.Key];

    /// <summary>Configured and not failing fast.</summary>
    public bool IsAvailable => IsConfigured && CircuitState != UpstreamCircuitState.Open;

    /// <summary>The breaker's state for <c>/router/status</c> and <c>/ready</c>.</summary>
    public UpstreamCircuitState CircuitState => _circuit.CircuitState switch
    {
        Polly.CircuitBreaker.CircuitState.Open or Polly.CircuitBreaker.CircuitState.Isolated => UpstreamCircuitState.Open,
        Polly.CircuitBreaker.CircuitState.HalfOpen => UpstreamCircuitState.HalfOpen,
        _ => UpstreamCircuitState.Closed,
    };

    /// <summary>
    /// Sends <paramref name="request"/> (with retries and the breaker) and returns the answer without
    /// writing anything: check <see cref="UpstreamResponse.Failure"/> to fall back, else relay it.
    /// </summary>
    public async Task<UpstreamResponse> SendAsync(UpstreamRequest request, CancellationToken cancellationToken)
    {
        using var span = Tracing.CompletionTracing.Source.StartActivity("upstream", System.Diagnostics.ActivityKind.Client);
        span?.SetTag("localopenai.upstream.model", request.Model);
        var response = await SendUntracedAsync(request, cancellationToken);
        span?.SetTag("http.response.status_code", response.StatusCode);
        span?.SetTag("localopenai.upstream.attempts", response.Attempts);
        return response;
    }

    private async Task<UpstreamResponse> SendUntracedAsync(UpstreamRequest request, CancellationToken cancellationToken)
    {
        if (_baseUri is null)
        {
            return UpstreamResponse.Failed(UpstreamError.NotConfigured);
        }

        var payload = Payload(request);
        var attempts = new StrongBox<int>();
        using var deadline = new CancellationTokenSource(_options.TotalTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            var response = await _pipeline.ExecuteAsync(
                static (state, token) => state.Self.AttemptAsync(state.Request, state.Payload, state.Attempts, token),
                (Self: this, Request: request, Payload: payload, Attempts: attempts),
                linked.Token);
            return response.WithAttempts(attempts.Value);
        }
        catch (BrokenCircuitException)
        {
            _metrics.RecordUpstreamError(UpstreamErrorKind.For(UpstreamError.CircuitOpen));
            Log.CircuitOpenFailFast(_logger);
            return UpstreamResponse.Failed(UpstreamError.CircuitOpen).WithAttempts(attempts.Value);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return UpstreamResponse.Failed(UpstreamError.ClientCancelled).WithAttempts(attempts.Value);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            _metrics.RecordUpstreamError(UpstreamErrorKind.For(UpstreamError.Timeout));
            return UpstreamResponse.Failed(UpstreamError.Timeout).WithAttempts(attempts.Value);
        }
    }

    public void Dispose() => _invoker.Dispose();

    private byte[] Payload(UpstreamRequest request)
    {
        var body = (JsonObject)request.Body.DeepClone();
        body["model"] = _options.MapModel(request.Model);
        return Encoding.UTF8.GetBytes(body.ToJsonString());
    }
}
