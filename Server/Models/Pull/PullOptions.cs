namespace LocalOpenAi.Server.Models.Pull;

/// <summary>Where and how <see cref="ModelPuller"/> fetches models.</summary>
internal sealed record PullOptions
{
    /// <summary>The public Hub.</summary>
    public static readonly Uri DefaultEndpoint = new("https://huggingface.co");

    /// <summary>The Hub's base address (<c>HF_ENDPOINT</c>); tests point it at loopback.</summary>
    public Uri Endpoint { get; init; } = DefaultEndpoint;

    /// <summary>A Hub access token (<c>HF_TOKEN</c>) sent as a bearer token to <see cref="Endpoint"/> only; never logged.</summary>
    public string? Token { get; init; }

    /// <summary>The cache root; files land in <c>{CacheDirectory}/{owner}/{repo}/{file}</c>.</summary>
    public string CacheDirectory { get; init; } = DefaultCacheDirectory;

    /// <summary>The branch, tag or commit to download from.</summary>
    public string Revision { get; init; } = "main";

    /// <summary>Download attempts in one pull; each retry resumes from the partial file.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>The pause before a retry.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a connection may take to open, and a body may go without a byte, before the attempt fails.</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary><c>~/.cache/localopenai/models/hf</c>.</summary>
    public static string DefaultCacheDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "localopenai", "models", "hf");

    /// <summary>The defaults, with <c>HF_ENDPOINT</c> and <c>HF_TOKEN</c> from the environment when set.</summary>
    /// <exception cref="ArgumentException"><c>HF_ENDPOINT</c> is not an absolute http(s) address.</exception>
    public static PullOptions FromEnvironment()
    {
        var options = new PullOptions { Token = Environment.GetEnvironmentVariable("HF_TOKEN") is { Length: > 0 } token ? token : null };
        if (Environment.GetEnvironmentVariable("HF_ENDPOINT") is { Length: > 0 } endpoint)
        {
            if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new ArgumentException($"HF_ENDPOINT must be an absolute http(s) address, not '{endpoint}'.");
            }

            options = options with { Endpoint = uri };
        }

        return options;
    }

    /// <summary>A record's printed form must not carry the token.</summary>
    public override string ToString() =>
        $"PullOptions {{ Endpoint = {Endpoint}, CacheDirectory = {CacheDirectory}, Revision = {Revision}, Token = {(Token is null ? "none" : "***")} }}";
}
