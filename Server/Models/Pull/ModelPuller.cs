using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;

namespace LocalOpenAi.Server.Models.Pull;

/// <summary>
/// Fetches a GGUF model named by an <c>hf:OWNER/REPO[:QUANT]</c> reference into the local cache
/// (<c>{cache}/{owner}/{repo}/{file}</c>) and returns its path. A complete cached file is used
/// without touching the network; a download is resumed, verified (size, SHA-256) and only then
/// renamed into place.
/// </summary>
/// <remarks>Expected failures (offline, not found, refused, corrupt) come back as a <see cref="PullResult"/>, never as exceptions.</remarks>
internal sealed class ModelPuller(ILogger? logger = null, TimeProvider? timeProvider = null)
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>The folder a reference's files are cached in.</summary>
    public static string RepositoryDirectory(HuggingFaceReference reference, PullOptions options) =>
        Path.Combine(options.CacheDirectory, reference.Owner, reference.Repository);

    /// <summary>Returns the path of the model <paramref name="reference"/> names, downloading it first when it is not cached.</summary>
    /// <param name="progress">Told about every chunk written; a <see cref="ConsoleProgressBar"/> throttles its own output.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (a partial download is kept).</exception>
    public async Task<PullResult> PullAsync(HuggingFaceReference reference, PullOptions options, IProgress<PullProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(options);
        var directory = RepositoryDirectory(reference, options);
        if (FindCached(directory, reference.Quantization) is { } cached)
        {
            PullLog.UsingCached(_logger, reference.ToString(), cached);
            return PullResult.Success(PullStatus.Cached, cached);
        }

        using var http = HubClient.CreateHttpClient(options);
        var hub = new HubClient(http, options);
        IReadOnlyList<HubFile>? files;
        HttpStatusCode status;
        try
        {
            (files, status) = await hub.ListFilesAsync(reference, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var reason = exception is OperationCanceledException ? "no answer in time" : exception.Message;
            return PullResult.Failure(PullStatus.Unreachable, $"cannot reach {options.Endpoint}: {reason}; the model is not in the cache at {directory}");
        }
        catch (JsonException exception)
        {
            return PullResult.Failure(PullStatus.Failed, $"{hub.ModelInfoUri(reference)} did not return a model listing: {exception.Message}");
        }

        if (files is null)
        {
            return ListingFailure(reference, hub, status);
        }

        var name = GgufFileSelector.Select(files.Select(file => file.Name), reference.Quantization);
        if (name is null)
        {
            var what = reference.Quantization is null ? "no .gguf file" : $"no .gguf file matching '{reference.Quantization}'";
            var available = string.Join(", ", files.Select(file => file.Name).Where(file => file.EndsWith(".gguf", StringComparison.OrdinalIgnoreCase)));
            return PullResult.Failure(PullStatus.NotFound, $"{reference} has {what}" + (available.Length > 0 ? $"; available: {available}" : ""));
        }

        var chosen = files.First(file => file.Name == name);
        var finalPath = Path.Combine(directory, Path.Combine(name.Split('/')));
        var download = new ResumableDownload(hub, options, _time, _logger);
        try
        {
            return await download.RunAsync(hub.FileUri(reference, name), chosen, finalPath, progress, cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return PullResult.Failure(PullStatus.Failed, $"cannot write {finalPath}: {exception.Message}");
        }
    }

    /// <summary>A complete cached file the reference would pick, found without the network.</summary>
    private static string? FindCached(string directory, string? quantization)
    {
        if (!Directory.Exists(directory))
        {
            return null;
        }

        var names = Directory.EnumerateFiles(directory, "*.gguf", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".gguf", StringComparison.OrdinalIgnoreCase))
            .Select(path => Path.GetRelativePath(directory, path).Replace(Path.DirectorySeparatorChar, '/'));
        return GgufFileSelector.Select(names, quantization) is { } name ? Path.Combine(directory, Path.Combine(name.Split('/'))) : null;
    }

    private static PullResult ListingFailure(HuggingFaceReference reference, HubClient hub, HttpStatusCode status) => (int)status switch
    {
        404 => PullResult.Failure(PullStatus.NotFound, $"{reference}: no such repository at {hub.Endpoint} (404)"),
        401 or 403 => PullResult.Failure(PullStatus.Unauthorized, $"{reference}: not found or access refused by {hub.Endpoint} ({(int)status}); for a gated or private repository set HF_TOKEN"),
        _ => PullResult.Failure(PullStatus.Failed, $"{reference}: {hub.ModelInfoUri(reference)} answered {(int)status} {status}"),
    };
}
