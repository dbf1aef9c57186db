using System.Buffers;
using System.Diagnostics;
using System.Security.Cryptography;

namespace LocalOpenAi.Server.Models.Pull;

/// <summary>The byte-moving and checking half of <see cref="ResumableDownload"/>.</summary>
internal sealed partial class ResumableDownload
{
    /// <summary>Copies the body after <paramref name="start"/> bytes already in the partial file; returns the bytes this attempt added.</summary>
    private async Task<long> CopyAsync(
        HttpResponseMessage message, HubFile file, string partial, long start, long? expected,
        CancellationTokenSource stall, IProgress<PullProgress>? progress, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        var started = time.GetTimestamp();
        long received = 0;
        try
        {
            await using var output = new FileStream(partial, new FileStreamOptions
            {
                Mode = start > 0 ? FileMode.Append : FileMode.Create,
                Access = FileAccess.Write,
                Share = FileShare.Read,
                BufferSize = 0,
            });
            await using var body = await message.Content.ReadAsStreamAsync(stall.Token);
            progress?.Report(new PullProgress(file.Name, start, expected, 0));
            try
            {
                while (true)
                {
                    stall.CancelAfter(options.StallTimeout);
                    var read = await body.ReadAsync(buffer.AsMemory(0, BufferSize), stall.Token);
                    if (read == 0)
                    {
                        break;
                    }

                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    received += read;
                    var seconds = time.GetElapsedTime(started).TotalSeconds;
                    progress?.Report(new PullProgress(file.Name, start + received, expected, seconds > 0 ? received / seconds : 0));
                }
            }
            finally
            {
                // What arrived is kept durably either way: a resume continues from it.
                output.Flush(flushToDisk: true);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return received;
    }

    private async Task<PullResult> VerifyAndMoveAsync(HubFile file, string partial, string finalPath, AttemptOutcome outcome, CancellationToken cancellationToken)
    {
        var length = new FileInfo(partial).Length;
        if (outcome.ExpectedSize is { } size && length != size)
        {
            return Reject(file, partial, $"size mismatch: expected {size} bytes, received {length}");
        }

        string actual;
        await using (var stream = new FileStream(partial, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan))
        {
            actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        }

        if (outcome.Sha256 is { } sha256 && !string.Equals(actual, sha256, StringComparison.Ordinal))
        {
            return Reject(file, partial, $"checksum mismatch: expected sha256 {sha256}, got {actual}");
        }

        File.Move(partial, finalPath, overwrite: true);
        PullLog.Verified(logger, file.Name, length, actual);
        Debug.Assert(!File.Exists(partial), "the partial file was renamed into place");
        return PullResult.Success(PullStatus.Downloaded, finalPath);
    }

    private PullResult Reject(HubFile file, string partial, string reason)
    {
        PullLog.Rejected(logger, file.Name, reason);
        File.Delete(partial);
        return PullResult.Failure(PullStatus.IntegrityFailed, $"{file.Name} was rejected and deleted: {reason}");
    }
}
