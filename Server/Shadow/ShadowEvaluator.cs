using System.Text.Json;
using LocalOpenAi.Server.Backends;
using LocalOpenAi.Server.Metrics;
using LocalOpenAi.Server.Requests;

namespace LocalOpenAi.Server.Shadow;

/// <summary>
/// Shadow evaluation: for <c>Shadow:Rate</c> of the whole JSON answers the local model gives, the same request
/// is also sent to the cloud in the background — never delaying the client, at most <c>Shadow:MaxInFlight</c>
/// at once — and both answers go to the shadow log for review and training (<c>export-shadow</c>). How often
/// they agree is <c>localopenai_shadow_agreement_ratio</c>.
/// </summary>
internal sealed partial class ShadowEvaluator
{
    private readonly ICompletionBackend _cloud;
    private readonly ShadowOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ShadowEvaluator> _logger;
    private readonly Lock _writer = new();
    private int _inFlight;
    private long _compared;
    private long _agreed;

    public ShadowEvaluator(ICompletionBackend cloud, ShadowOptions options, LocalOpenAiMetrics metrics, TimeProvider time, ILogger<ShadowEvaluator> logger)
    {
        (_cloud, _options, _time, _logger) = (cloud, options, time, logger);
        if (options.Rate > 0)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(options.Path))!);
        }

        metrics.ShadowAgreement = () => Interlocked.Read(ref _compared) is var compared and > 0 ? (double)Interlocked.Read(ref _agreed) / compared : null;
    }

    /// <summary>Shadows <paramref name="local"/>'s request when it is sampled and a place is free; returns at once.</summary>
    public void Consider(CompletionCall call, JsonOutcome local)
    {
        if (_options.Rate <= 0 || Random.Shared.NextDouble() >= _options.Rate)
        {
            return;
        }

        if (Interlocked.Increment(ref _inFlight) > _options.MaxInFlight)
        {
            Interlocked.Decrement(ref _inFlight);
            return;
        }

        // The client's exchange is done with this call: the shadow runs on a detached context, without the client's cancellation.
        var detached = call with { Http = new DefaultHttpContext(), Stream = false };
        var requestId = RequestIdMiddleware.Get(call.Http);
        _ = Task.Run(() => CompareAsync(detached, requestId, local.Json));
    }

    private async Task CompareAsync(CompletionCall call, string requestId, byte[] local)
    {
        try
        {
            if (await _cloud.CompleteAsync(call, CancellationToken.None) is not JsonOutcome cloud)
            {
                Log.CloudRefused(_logger, requestId);
                return;
            }

            using var request = JsonDocument.Parse(call.Body.ToJsonString());
            using var localAnswer = JsonDocument.Parse(local);
            using var cloudAnswer = JsonDocument.Parse(cloud.Json);
            var agree = AnswerAgreement.Agree(localAnswer.RootElement, cloudAnswer.RootElement);
            Append(new ShadowRecord(_time.GetUtcNow(), requestId, request.RootElement, localAnswer.RootElement, cloudAnswer.RootElement, agree));
            Interlocked.Increment(ref _compared);
            if (agree)
            {
                Interlocked.Increment(ref _agreed);
            }
        }
        catch (Exception exception) when (exception is IOException or JsonException or UnauthorizedAccessException or HttpRequestException)
        {
            Log.Failed(_logger, requestId, exception.Message);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private void Append(ShadowRecord record)
    {
        var line = JsonSerializer.Serialize(record, ShadowJson.Default.ShadowRecord) + "\n";
        lock (_writer)
        {
            File.AppendAllText(_options.Path, line);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "The shadow call for {RequestId} got no whole answer from the cloud")]
        public static partial void CloudRefused(ILogger logger, string requestId);

        [LoggerMessage(2, LogLevel.Warning, "The shadow comparison for {RequestId} failed: {Reason}")]
        public static partial void Failed(ILogger logger, string requestId, string reason);
    }
}
