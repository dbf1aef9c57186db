using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace LocalOpenAi.Server.Upstream;

/// <summary>Builds the retry + circuit-breaker pipeline around one upstream attempt.</summary>
/// <remarks>
/// Retry is outside the breaker, so every attempt counts towards the breaker and an open breaker
/// stops the retries (<see cref="BrokenCircuitException"/>). Attempts return values, never throw for
/// expected failures; only caller cancellation and the open breaker surface as exceptions.
/// </remarks>
internal static class UpstreamResilience
{
    public static ResiliencePipeline<UpstreamResponse> Build(UpstreamOptions options, TimeProvider timeProvider, CircuitBreakerStateProvider circuit, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<UpstreamResponse> { TimeProvider = timeProvider };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<UpstreamResponse>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { } response && IsRetryable(response, options)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter),
                OnRetry = args =>
                {
                    UpstreamForwarder.Log.Retrying(logger, args.AttemptNumber + 1, args.Outcome.Result?.Error ?? UpstreamError.None, args.RetryDelay);
                    return default;
                },
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<UpstreamResponse>
        {
            FailureRatio = options.CircuitFailureRatio,
            MinimumThroughput = options.CircuitMinimumThroughput,
            SamplingDuration = options.CircuitSamplingDuration,
            BreakDuration = options.CircuitBreakDuration,
            StateProvider = circuit,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { Error: UpstreamError.ConnectFailed or UpstreamError.Timeout or UpstreamError.ServerError }),
            OnOpened = args =>
            {
                UpstreamForwarder.Log.CircuitOpened(logger, (long)args.BreakDuration.TotalMilliseconds);
                return default;
            },
            OnHalfOpened = _ =>
            {
                UpstreamForwarder.Log.CircuitHalfOpened(logger);
                return default;
            },
            OnClosed = _ =>
            {
                UpstreamForwarder.Log.CircuitClosed(logger);
                return default;
            },
        });
        return builder.Build();
    }

    private static bool IsRetryable(UpstreamResponse response, UpstreamOptions options) => response.Error switch
    {
        UpstreamError.ConnectFailed or UpstreamError.Timeout or UpstreamError.ServerError => true,
        UpstreamError.RateLimited => response.RetryAfter is not { } after || after <= options.MaxRetryAfter,
        _ => false,
    };
}
