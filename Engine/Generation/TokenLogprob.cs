namespace LocalOpenAi.Engine.Generation;

/// <summary>The log-probability of a token under the model's distribution at one step.</summary>
/// <param name="Bytes">The token's raw bytes: part of a multi-byte character stays those bytes, where <paramref name="Text"/> shows U+FFFD.</param>
public sealed record TokenLogprob(int Token, string Text, byte[] Bytes, float Logprob, IReadOnlyList<TokenAlternative> TopAlternatives);

/// <summary>One of the most likely tokens at a step.</summary>
public sealed record TokenAlternative(int Token, string Text, byte[] Bytes, float Logprob);
