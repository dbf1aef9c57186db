namespace LocalOpenAi.LoadGenerator;

/// <summary>One load run: where to send, what to send, how many, how many at once, and the bounds.</summary>
/// <param name="SystemPrompt">The system prompt every request shares, or null for a single user message.</param>
/// <param name="PromptWords">Words in each request's own user message (roughly its prompt tokens).</param>
/// <param name="Timeout">The limit on one request, first byte to <c>[DONE]</c>.</param>
/// <param name="Deadline">The limit on one concurrency level; requests not finished by then count as errors.</param>
/// <param name="FirstRequest">The number of the run's first request: it picks the user message and the seed.</param>
/// <param name="Agents">How many agents the requests are spread over (0: none, no agent header).</param>
internal sealed record LoadOptions(
    Uri BaseUrl,
    string Model,
    int Requests,
    IReadOnlyList<int> ConcurrencyLevels,
    int MaxTokens,
    int PromptWords,
    string? SystemPrompt,
    double Temperature,
    bool IgnoreEos,
    TimeSpan Timeout,
    TimeSpan Deadline,
    int Warmup,
    int FirstRequest,
    int Agents,
    string? JsonOut,
    string? Label)
{
    public Uri ChatCompletionsUrl => new(BaseUrl, "chat/completions");

    /// <summary>The agent that sends request <paramref name="requestIndex"/>, or null without agents.</summary>
    public string? AgentOf(int requestIndex) => Agents > 0 ? $"agent-{requestIndex % Agents}" : null;

    /// <summary>The system prompt of request <paramref name="requestIndex"/>: each agent's starts with its own name, so agents share no prefix.</summary>
    public string? SystemPromptOf(int requestIndex) =>
        SystemPrompt is not null && AgentOf(requestIndex) is { } agent ? $"Agent {agent}. {SystemPrompt}" : SystemPrompt;
}
