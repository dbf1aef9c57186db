namespace LocalOpenAi.Engine.Sampling;

/// <summary>How the next token is chosen. Defaults match llama-server's.</summary>
/// <param name="Temperature">0 or less samples greedily.</param>
/// <param name="Seed">Null picks a random seed; a fixed seed with the same inputs repeats the output.</param>
/// <param name="LogitBias">Added to the logits of the given token ids (-100 effectively bans, +100 forces).</param>
/// <param name="Grammar">A GBNF grammar whose root rule is <c>root</c>; output is constrained to it.</param>
public sealed record SamplingOptions(
    float Temperature = 0.8f,
    int TopK = 40,
    float TopP = 0.95f,
    float MinP = 0.05f,
    float RepeatPenalty = 1.0f,
    float FrequencyPenalty = 0f,
    float PresencePenalty = 0f,
    int PenaltyLastN = 64,
    uint? Seed = null,
    IReadOnlyDictionary<int, float>? LogitBias = null,
    string? Grammar = null)
{
    /// <summary>Deterministic argmax decoding.</summary>
    public static SamplingOptions Greedy { get; } = new(Temperature: 0f);

    public bool IsGreedy => Temperature <= 0f;

    public bool HasPenalties => RepeatPenalty != 1.0f || FrequencyPenalty != 0f || PresencePenalty != 0f;
}
