namespace LocalOpenAi.Server.Models.Pull;

/// <summary>The outcome of <see cref="ModelPuller.PullAsync"/>: a path to a complete GGUF file, or why there is none.</summary>
/// <param name="Status">How the pull ended.</param>
/// <param name="Path">The complete file in the cache (set when <see cref="Succeeded"/>).</param>
/// <param name="Error">A message for people, without a stack trace (set when not <see cref="Succeeded"/>).</param>
internal sealed record PullResult(PullStatus Status, string? Path, string? Error)
{
    /// <summary>Whether <see cref="Path"/> names a complete, verified file.</summary>
    public bool Succeeded => Status is PullStatus.Downloaded or PullStatus.Cached;

    internal static PullResult Success(PullStatus status, string path) => new(status, path, null);

    internal static PullResult Failure(PullStatus status, string error) => new(status, null, error);
}
