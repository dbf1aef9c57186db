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
/// cancelled; only the wait for the writer is. A line left torn by a crash is closed with a newline
/// on the next open, so it spoils only itself.
/// </remarks>
public sealed class FeedbackStore : IAsyncDisposable, IDisposable
{
    private readonly SemaphoreSlim _writer = new(1, 1);
    private FileStream? _file;
    private bool _disposed;

    public FeedbackStore(string path) => Path = System.IO.Path.GetFullPath(path);

    public FeedbackStore(IOptions<FeedbackOptions> options)
        : this(options.Value.Path)
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
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var file = _file ??= Open();
            await file.WriteAsync(bytes, CancellationToken.None);
            file.Flush(flushToDisk: true);
        }
        catch (IOException)
        {
            // The handle may be in an unknown state (disk full, a torn line); reopen on the next append.
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
        if (file.Length > 0)
        {
            file.Seek(-1, SeekOrigin.End);
            var last = file.ReadByte();
            file.Seek(0, SeekOrigin.End);
            if (last != '\n')
            {
                file.WriteByte((byte)'\n');
            }
        }

        return file;
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
}
