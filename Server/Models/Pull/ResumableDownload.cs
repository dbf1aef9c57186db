using System.Net;

namespace LocalOpenAi.Server.Models.Pull;

/// <summary>
/// Downloads one file into <c>{final}.partial</c>, resuming with a <c>Range</c> request after a
/// dropped connection, and moves it into place only once its size and SHA-256 check out.
/// </summary>
/// <remarks>
/// Invariant: the final path only ever appears by an atomic rename of a verified file. A partial file
/// that fails verification is deleted (its bytes cannot be trusted for a resume); one cut short is kept.
/// </remarks>
internal sealed partial class ResumableDownload(HubClient hub, PullOptions options, TimeProvider time, ILogger logger)
{
    private const int BufferSize = 1 << 20;

    public static string PartialPath(string finalPath) => finalPath + ".partial";

    public async Task<PullResult> RunAsync(Uri source, HubFile file, string finalPath, IProgress<PullProgress>? progress, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(finalPath)!);
        var partial = PartialPath(finalPath);
        PullLog.Downloading(logger, file.Name, source);
        for (var attempt = 1; ; attempt++)
        {
            AttemptOutcome outcome;
            try
            {
                outcome = await AttemptAsync(source, file, partial, progress, cancellationToken);
            }
            catch (Exception exception) when (IsTransient(exception, cancellationToken))
            {
                outcome = AttemptOutcome.Retry(Describe(exception));
            }

            switch (outcome.Kind)
            {
                case AttemptKind.Complete:
                    return await VerifyAndMoveAsync(file, partial, finalPath, outcome, cancellationToken);
                case AttemptKind.Fatal:
                    return outcome.Failure!;
            }

            PullLog.AttemptFailed(logger, attempt, file.Name, outcome.Reason!);
            if (attempt >= options.MaxAttempts)
            {
                return PullResult.Failure(
                    PullStatus.Failed,
                    $"downloading {source} failed after {attempt} attempts: {outcome.Reason}; the partial download is kept at {partial} and the next pull resumes it");
            }

            await Task.Delay(options.RetryDelay, time, cancellationToken);
        }
    }

    private async Task<AttemptOutcome> AttemptAsync(Uri source, HubFile file, string partial, IProgress<PullProgress>? progress, CancellationToken cancellationToken)
    {
        var existing = File.Exists(partial) ? new FileInfo(partial).Length : 0;
        if (file.Size is { } known && existing > known)
        {
            File.Delete(partial);
            existing = 0;
        }

        if (file.Size is { } size && existing == size && existing > 0)
        {
            return new AttemptOutcome(AttemptKind.Complete, size, file.Sha256);
        }

        if (existing > 0)
        {
            PullLog.Resuming(logger, file.Name, existing);
        }

        using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stall.CancelAfter(options.StallTimeout);
        using var response = await hub.GetAsync(source, existing, stall.Token);
        var message = response.Message;
        var sha256 = file.Sha256 ?? response.Sha256;
        long start;
        long? total;
        switch (message.StatusCode)
        {
            case HttpStatusCode.PartialContent when message.Content.Headers.ContentRange is { From: { } from } range:
                if (from != existing)
                {
                    File.Delete(partial);
                    return AttemptOutcome.Retry($"the server resumed at byte {from} instead of {existing}");
                }

                (start, total) = (existing, range.Length);
                break;
            case HttpStatusCode.OK:
                if (existing > 0)
                {
                    PullLog.RangeIgnored(logger, file.Name);
                }

                (start, total) = (0, message.Content.Headers.ContentLength);
                break;
            case HttpStatusCode.RequestedRangeNotSatisfiable when message.Content.Headers.ContentRange?.Length == existing && existing > 0:
                return new AttemptOutcome(AttemptKind.Complete, file.Size ?? existing, sha256);
            case HttpStatusCode.RequestedRangeNotSatisfiable:
                File.Delete(partial);
                return AttemptOutcome.Retry("the server refused to resume; starting over");
            default:
                return Classify(message.StatusCode, source);
        }

        var expected = file.Size ?? response.LinkedSize ?? total;
        var received = await CopyAsync(message, file, partial, start, expected, stall, progress, cancellationToken);
        return total is { } promised && start + received < promised
            ? AttemptOutcome.Retry($"the connection closed at byte {start + received} of {promised}")
            : new AttemptOutcome(AttemptKind.Complete, expected, sha256);
    }

    private static AttemptOutcome Classify(HttpStatusCode status, Uri source) => (int)status switch
    {
        404 => AttemptOutcome.Fatal(PullStatus.NotFound, $"{source} was not found (404)"),
        401 or 403 => AttemptOutcome.Fatal(PullStatus.Unauthorized, $"{source} refused access ({(int)status}); for a gated or private repository set HF_TOKEN"),
        429 or >= 500 => AttemptOutcome.Retry($"the server answered {(int)status}"),
        _ => AttemptOutcome.Fatal(PullStatus.Failed, $"{source} answered {(int)status} {status}"),
    };

    private static bool IsTransient(Exception exception, CancellationToken cancellationToken) =>
        exception is HttpRequestException or IOException
        || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private static string Describe(Exception exception) => exception is OperationCanceledException
        ? "the connection stalled"
        : exception.InnerException is { } inner ? $"{exception.Message} ({inner.Message})" : exception.Message;
}
