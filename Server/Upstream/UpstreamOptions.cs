namespace LocalOpenAi.Server.Upstream;

/// <summary>The OpenAI-compatible provider behind the hybrid router (section <c>Upstream</c>).</summary>
/// <remarks>
/// <see cref="Url"/> may name the API root with or without <c>/v1</c>; <see cref="BaseUri"/> is the
/// normalised form that <c>chat/completions</c> and <c>completions</c> are appended to.
/// </remarks>
internal sealed class UpstreamOptions
{
    public const string Section = "Upstream";

    /// <summary>API root, e.g. <c>https://api.openai.com</c> or <c>http://127.0.0.1:9000/v1</c>; empty means no upstream.</summary>
    public string? Url { get; set; }

    /// <summary>The API the upstream speaks: <c>openai</c> (any OpenAI-compatible API) or <c>anthropic</c> (Claude's Messages API).</summary>
    public UpstreamKind Kind { get; set; } = UpstreamKind.OpenAi;

    /// <summary>The <c>anthropic-version</c> header sent to an Anthropic upstream.</summary>
    public string AnthropicVersion { get; set; } = "2023-06-01";

    /// <summary><c>max_tokens</c> for an Anthropic upstream when the request sets none (Anthropic requires one).</summary>
    public int DefaultMaxTokens { get; set; } = 4096;

    /// <summary>Key sent upstream (<c>Authorization: Bearer</c>, or <c>x-api-key</c> for Anthropic); never logged.</summary>
    public string? Key { get; set; }

    /// <summary>An environment variable holding the key, for deployments that keep secrets out of configuration files.</summary>
    public string? KeyEnvironmentVariable { get; set; }

    /// <summary>A file holding the key (its first line), e.g. a mounted secret.</summary>
    public string? KeyFile { get; set; }

    /// <summary>Time allowed to open a TCP (and TLS) connection.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Time allowed for the first byte of an attempt, and then between two reads of a stream.</summary>
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Time allowed for a whole call, every attempt and backoff included, until the first byte can go to our client.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt, only before anything reached our client.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>Base delay of the jittered exponential backoff.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Longest delay between two attempts.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest <c>Retry-After</c> honoured; a 429 asking for longer is not retried.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Failure ratio over <see cref="CircuitSamplingDuration"/> that opens the circuit.</summary>
    public double CircuitFailureRatio { get; set; } = 0.5;

    /// <summary>Attempts needed in the sampling window before the ratio counts.</summary>
    public int CircuitMinimumThroughput { get; set; } = 10;

    /// <summary>Window over which failures are counted.</summary>
    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the circuit stays open before one probe is let through (half-open).</summary>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest non-streaming body buffered (and largest capture kept).</summary>
    public long MaxResponseBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>The model to ask for when a call reaches this upstream for a model it does not map (it is another upstream's fallback).</summary>
    public string? DefaultModel { get; set; }

    /// <summary>Alias (as the client or router names it) to the upstream's model name.</summary>
    public Dictionary<string, string> ModelMap { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether an upstream is configured at all.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Url);

    /// <summary>The API root ending in <c>/v1/</c> (or the given path plus <c>/</c>), or null when not configured or invalid.</summary>
    public Uri? BaseUri => Normalize(Url);

    /// <summary>Whether this upstream names <paramref name="model"/> in its <see cref="ModelMap"/>.</summary>
    public bool Serves(string? model) => model is not null && ModelMap.ContainsKey(model);

    /// <summary>The key: <see cref="Key"/>, else the environment variable, else the file's first line; null when none is set.</summary>
    /// <exception cref="InvalidOperationException">The key file cannot be read.</exception>
    public string? ResolveKey()
    {
        if (!string.IsNullOrEmpty(Key))
        {
            return Key;
        }

        if (!string.IsNullOrWhiteSpace(KeyEnvironmentVariable) && Environment.GetEnvironmentVariable(KeyEnvironmentVariable) is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment.Trim();
        }

        if (string.IsNullOrWhiteSpace(KeyFile))
        {
            return null;
        }

        try
        {
            return File.ReadLines(KeyFile).FirstOrDefault()?.Trim();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"The upstream key file '{KeyFile}' cannot be read: {exception.Message}", exception);
        }
    }

    /// <summary>The upstream's name for <paramref name="model"/>: its <see cref="ModelMap"/> entry, else <see cref="DefaultModel"/>, else the name itself.</summary>
    public string MapModel(string model) => ModelMap.TryGetValue(model, out var mapped) ? mapped : DefaultModel ?? model;

    /// <summary>
    /// <c>http://h:p</c> and <c>http://h:p/</c> become <c>http://h:p/v1/</c>; a URL with a path
    /// (<c>http://h:p/v1</c>, <c>https://h/openai/v1</c>) keeps it and gains a trailing slash.
    /// </summary>
    public static Uri? Normalize(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        var path = uri.AbsolutePath.TrimEnd('/');
        var builder = new UriBuilder(uri) { Path = (path.Length == 0 ? "/v1" : path) + "/", Query = string.Empty, Fragment = string.Empty };
        return builder.Uri;
    }
}
