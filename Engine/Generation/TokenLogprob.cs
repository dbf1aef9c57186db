namespace LocalOpenAi.Engine.Generation;

/// <summary>The log-probability of a token under the model's distribution at one step.</summary>
public sealed record TokenLogprob(int Token, string Text, float Logprob, IReadOnlyList<TokenAlternative> TopAlternatives);

/// <summary>One of the most likely tokens at a step.</summary>
public sealed record TokenAlternative(int Token, string Text, float Logprob);
