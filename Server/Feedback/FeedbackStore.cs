using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LocalOpenAi.Server.Feedback;

/// <summary>
/// Appends feedback records to a JSONL file, one line each, and returns only once the line is on
/// disk (<c>fsync</c>): a 202 means the record survives a crash right after it.
/// </summary>
/// <remarks>
/// One writer: appends are serialised by a semaphore around a single append-only handle, so
/// concurrent requests never interleave lines. A write is not abandoned half-way when its request is
/// cancelled; only the wait for the writer is. A write that fails (a full disk) is cut back off the
/// file, so no torn record is left; a record torn by a crash is dropped, with a log line, when the
/// file is next opened.
/// </remarks>
public sealed class FeedbackStore : IAsyncDisposable, IDisposable
{
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly ILogger _logger;
    private FileStream? _file;
    private bool _disposed;

    public FeedbackStore(string path, ILogger? logger = null)
    {
        Path = System.IO.Path.GetFullPath(path);
        _logger = logger ?? NullLogger.Instance;
    }

    public FeedbackStore(IOptions<FeedbackOptions> options, ILogger<FeedbackStore> logger)
        : this(options.Value.Path, logger)
    {
    }

    /// <summary>The feedback file.</summary>
    public string Path { get; }

    /// <summary>Appends <paramref name="record"/> durably, or reports a full disk having kept nothing of it.</summary>
    /// <exception cref="IOException">The file could not be written for another reason (the record is not stored).</exception>
    public async Task<FeedbackAppendResult> AppendAsync(FeedbackRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var line = JsonSerializer.SerializeToUtf8Bytes(record, FeedbackJson.Default.FeedbackRecord);
        var bytes = new byte[line.Length + 1];
        line.CopyTo(bytes, 0);
        bytes[^1] = (byte)'\n';

        await _writer.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var file = _file ??= Open();
            var end = file.Position;
            try
            {
                await file.WriteAsync(bytes, CancellationToken.None);
                file.Flush(flushToDisk: true);
                return FeedbackAppendResult.Stored;
            }
            catch (IOException exception)
            {
                Truncate(file, end);
                await CloseAsync();
                if (!IsDiskFull(exception))
                {
                    throw;
                }

                Log.DiskFull(_logger, Path);
                return FeedbackAppendResult.DiskFull;
            }
        }
        finally
        {
            _writer.Release();
        }
    }

    private FileStream Open()
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var file = new FileStream(Path, new FileStreamOptions
        {
            Mode = FileMode.OpenOrCreate,
            Access = FileAccess.ReadWrite,
            Share = FileShare.Read,
            BufferSize = 0,
        });
        DropTornRecord(file);
        file.Seek(0, SeekOrigin.End);
        return file;
    }

    /// <summary>Cuts the file back to its last complete line.</summary>
    private void DropTornRecord(FileStream file)
    {
        var length = file.Length;
        var end = length;
        var buffer = new byte[4096];
        while (end > 0)
        {
            var start = Math.Max(0, end - buffer.Length);
            file.Seek(start, SeekOrigin.Begin);
            file.ReadExactly(buffer, 0, (int)(end - start));
            var newline = Array.LastIndexOf(buffer, (byte)'\n', (int)(end - start - 1));
            if (newline >= 0)
            {
                end = start + newline + 1;
                break;
            }

            end = start;
        }

        if (end < length)
        {
            file.SetLength(end);
            file.Flush(flushToDisk: true);
            Log.TornRecordDropped(_logger, length - end, Path);
        }
    }

    private static void Truncate(FileStream file, long length)
    {
        try
        {
            file.SetLength(length);
            file.Flush(flushToDisk: true);
        }
        catch (IOException)
        {
            // Nothing more can be done here; the next open drops what is left of the line.
        }
    }

    /// <summary>ENOSPC (28) on Unix; ERROR_HANDLE_DISK_FULL (39) and ERROR_DISK_FULL (112) on Windows.</summary>
    private static bool IsDiskFull(IOException exception) => (exception.HResult & 0xFFFF) is 28 or 39 or 112;

    private async Task CloseAsync()
    {
        if (_file is { } file)
        {
            _file = null;
            try
            {
                await file.DisposeAsync();
            }
            catch (IOException)
            {
                // Already failing; the caller sees the original error.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.WaitAsync();
        try
        {
            _disposed = true;
            await CloseAsync();
        }
        finally
        {
            _writer.Release();
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
