using System.Text.Json;
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
/// file, and a line left torn by a crash is dropped (and logged) when the file is next opened, so the
/// file only ever holds whole records.
/// </remarks>
internal sealed partial class FeedbackStore : IAsyncDisposable, IDisposable
{
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly ILogger _logger;
    private FileStream? _file;
    private bool _disposed;

    public FeedbackStore(string path, ILogger<FeedbackStore>? logger = null)
    {
        Path = System.IO.Path.GetFullPath(path);
        _logger = (ILogger?)logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
    }

    public FeedbackStore(IOptions<FeedbackOptions> options, ILogger<FeedbackStore> logger)
        : this(options.Value.Path, logger)
    {
    }

    /// <summary>The feedback file.</summary>
    public string Path { get; }

    /// <summary>Appends <paramref name="record"/> durably.</summary>
    /// <exception cref="IOException">The file could not be written (the record is not stored).</exception>
    public async Task AppendAsync(FeedbackRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var line = JsonSerializer.SerializeToUtf8Bytes(record, FeedbackJson.Default.FeedbackRecord);
        var bytes = new byte[line.Length + 1];
        line.CopyTo(bytes, 0);
        bytes[^1] = (byte)'\n';

        await _writer.WaitAsync(cancellationToken);
        long? before = null;
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var file = _file ??= Open();
            before = file.CanSeek ? file.Length : null;
            await file.WriteAsync(bytes, CancellationToken.None);
            file.Flush(flushToDisk: true);
        }
        catch (IOException)
        {
            // Disk full or failing: take back whatever part of the line reached the file, then reopen on the next append.
            CutBack(before);
            await CloseAsync();
            throw;
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
        if (file.CanSeek && file.Length > 0)
        {
            DropTornLine(file);
        }

        return file;
    }

    /// <summary>A last line without its newline was torn by a crash mid-write: it is cut off, so every line stays a whole record.</summary>
    private void DropTornLine(FileStream file)
    {
        file.Seek(-1, SeekOrigin.End);
        if (file.ReadByte() != '\n')
        {
            var end = file.Length;
            var keep = end - 1;
            while (keep > 0)
            {
                file.Seek(keep - 1, SeekOrigin.Begin);
                if (file.ReadByte() == '\n')
                {
                    break;
                }

                keep--;
            }

            file.SetLength(keep);
            file.Flush(flushToDisk: true);
            Log.DroppedTornRecord(_logger, Path, end - keep);
        }

        file.Seek(0, SeekOrigin.End);
    }

    private void CutBack(long? length)
    {
        if (length is not { } whole || _file is not { } file)
        {
            return;
        }

        try
        {
            file.SetLength(whole);
        }
        catch (IOException)
        {
            // Nothing more to do now; a torn tail is dropped when the file is next opened.
        }
    }

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

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Dropped a feedback record torn by a crash ({Bytes} bytes at the end of {Path})")]
        public static partial void DroppedTornRecord(ILogger logger, string path, long bytes);
    }
}
