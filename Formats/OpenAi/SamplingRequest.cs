using System.Text.Json.Serialization;

namespace LocalOpenAi.Formats.OpenAi;

/// <summary>The generation fields shared by chat and legacy completions.</summary>
public abstract record SamplingRequest
{
    public int? MaxTokens { get; init; }

    public float? Temperature { get; init; }

    public float? TopP { get; init; }

    public long? Seed { get; init; }

    [JsonConverter(typeof(StopSequencesConverter))]
    public IReadOnlyList<string>? Stop { get; init; }

    public float? PresencePenalty { get; init; }

    public float? FrequencyPenalty { get; init; }

    public IReadOnlyDictionary<string, float>? LogitBias { get; init; }

    public int? N { get; init; }

    /// <summary>Completions: how many alternatives to return (an int). Chat overrides it with a bool.</summary>
    public int? Logprobs { get; init; }

    public int? TopLogprobs { get; init; }

    public string? User { get; init; }

    public bool? Stream { get; init; }

    public StreamOptions? StreamOptions { get; init; }

    public int? TopK { get; init; }

    public float? MinP { get; init; }

    public float? RepeatPenalty { get; init; }

    public bool? IgnoreEos { get; init; }

    public string? Grammar { get; init; }
}

/// <summary><c>stream_options</c>: whether a final chunk carries the usage.</summary>
public sealed record StreamOptions
{
    public bool? IncludeUsage { get; init; }
}
