namespace LocalOpenAi.Server.Models.Pull;

/// <summary>How far a download has come.</summary>
/// <param name="File">The file being downloaded (its name in the repository).</param>
/// <param name="BytesReceived">Bytes on disk so far, including those kept from an earlier, interrupted attempt.</param>
/// <param name="TotalBytes">The file's size when known.</param>
/// <param name="BytesPerSecond">The transfer rate of the current attempt.</param>
internal readonly record struct PullProgress(string File, long BytesReceived, long? TotalBytes, double BytesPerSecond)
{
    /// <summary>The fraction done (0–1), when the size is known.</summary>
    public double? Fraction => TotalBytes is > 0 and var total ? Math.Min(1.0, (double)BytesReceived / total) : null;
}
