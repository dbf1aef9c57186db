using LocalOpenAi.Engine.Generation;
using LocalOpenAi.Formats.OpenAi;
using LocalOpenAi.Formats.Tools;

namespace LocalOpenAi.Server.Generation;

/// <summary>Maps engine results onto OpenAI chat response shapes.</summary>
internal static class ChatResponseBuilder
{
    public const string ToolCallsFinishReason = "tool_calls";

    public static string FinishReasonName(FinishReason reason) => reason switch
    {
        FinishReason.Length => "length",
        _ => "stop",
    };

    public static ChatCompletionResponse ToResponse(GenerationContext context, CollectedChoices collected, ToolCallFormat? tools) => new()
    {
        Id = context.Id,
        Created = context.Created,
        Model = context.Model.Alias,
        SystemFingerprint = context.Model.Fingerprint,
        Choices = collected.Finals.Select((final, index) =>
        {
            var calls = ToolCalls(tools, final.Finish!.Value, collected.Texts[index]);
            var isCall = calls is not null && final.Finish == FinishReason.Stop;
            return new ChatChoice
            {
                Index = index,
                Message = calls is not null
                    ? new ChatMessage { Role = "assistant", Content = null, ToolCalls = calls }
                    : new ChatMessage { Role = "assistant", Content = collected.Texts[index] },
                Logprobs = ToLogprobs(collected.Logprobs[index]),
                FinishReason = isCall ? ToolCallsFinishReason : FinishReasonName(final.Finish!.Value),
            };
        }).ToArray(),
        Usage = ToUsage(context.PromptTokens, collected.CachedPromptTokens, collected.CompletionTokens),
    };

    /// <summary>The calls in a choice that stopped or ran out of tokens (a forced call cut short); null when it is content.</summary>
    public static IReadOnlyList<ToolCall>? ToolCalls(ToolCallFormat? tools, FinishReason reason, string text) =>
        reason is FinishReason.Stop or FinishReason.Length ? tools?.CallsIn(text, ranOutOfTokens: reason == FinishReason.Length) : null;

    public static Usage ToUsage(int promptTokens, int cachedTokens, int completionTokens) => new()
    {
        PromptTokens = promptTokens,
        CompletionTokens = completionTokens,
        TotalTokens = promptTokens + completionTokens,
        PromptTokensDetails = new PromptTokensDetails { CachedTokens = cachedTokens },
    };

    public static ChoiceLogprobs? ToLogprobs(IReadOnlyList<TokenLogprob>? logprobs) =>
        logprobs is null ? null : new ChoiceLogprobs { Content = logprobs.Select(ToEntry).ToArray() };

    private static TokenLogprobEntry ToEntry(TokenLogprob logprob) => new()
    {
        Token = logprob.Text,
        Logprob = logprob.Logprob,
        Bytes = logprob.Bytes,
        TopLogprobs = logprob.TopAlternatives
            .Select(alternative => new TokenLogprobEntry { Token = alternative.Text, Logprob = alternative.Logprob, Bytes = alternative.Bytes })
            .ToArray(),
    };
}
