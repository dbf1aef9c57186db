namespace LocalOpenAi.Server.Models.Pull;

/// <summary>How a pull ended.</summary>
internal enum PullStatus
{
    /// <summary>Downloaded and verified now.</summary>
    Downloaded,

    /// <summary>A complete file was already in the cache; no network was used.</summary>
    Cached,

    /// <summary>The repository, the revision or a matching <c>.gguf</c> file does not exist.</summary>
    NotFound,

    /// <summary>The Hub refused access (gated or private repository; set <c>HF_TOKEN</c>).</summary>
    Unauthorized,

    /// <summary>The Hub could not be reached and the model is not cached.</summary>
    Unreachable,

    /// <summary>The downloaded bytes do not match the expected size or SHA-256; nothing was kept.</summary>
    IntegrityFailed,

    /// <summary>Any other failure (an HTTP error, a malformed answer, a disk error).</summary>
    Failed,
}
