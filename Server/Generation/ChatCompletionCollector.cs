using System.Text;
using LocalOpenAi.Engine.Generation;
using LocalOpenAi.Formats.OpenAi;
using LocalOpenAi.Server.Errors;

namespace LocalOpenAi.Server.Generation;

/// <summary>Runs the choices of a non-streamed chat completion to the end and builds the response.</summary>
public static class ChatCompletionCollector
{
    public static async Task<IResult> CollectAsync(ChatCompletionContext context, IReadOnlyList<IAsyncEnumerable<GenerationChunk>> choices)
    {
        using var cancellation = context.Cancellation;
        var texts = choices.Select(_ => new StringBuilder()).ToArray();
        var logprobs = choices.Select(_ => (List<TokenLogprob>?)null).ToArray();
        var finals = new GenerationChunk?[choices.Count];
        await foreach (var (index, chunk) in ChoiceMerger.MergeAsync(choices, CancellationToken.None))
        {
            texts[index].Append(chunk.Text);
            if (chunk.Logprobs is not null)
            {
                (logprobs[index] ??= []).AddRange(chunk.Logprobs);
            }

            if (chunk.IsFinal)
            {
                finals[index] = chunk;
            }
        }

        if (finals.FirstOrDefault(final => final?.Finish is FinishReason.Error or FinishReason.Cancelled) is { } failed)
        {
            return failed.Finish == FinishReason.Error ? OpenAiError.Internal(failed.Error ?? "Generation failed.") : Results.Empty;
        }

        var completionTokens = finals.Sum(final => final!.Usage!.CompletionTokens);
        return TypedResults.Json(new ChatCompletionResponse
        {
            Id = context.Id,
            Created = context.Created,
            Model = context.Model.Alias,
            SystemFingerprint = context.Model.Fingerprint,
            Choices = finals.Select((final, index) => new ChatChoice
            {
                Index = index,
                Message = new ChatMessage { Role = "assistant", Content = texts[index].ToString() },
                Logprobs = ChatResponseBuilder.ToLogprobs(logprobs[index]),
                FinishReason = ChatResponseBuilder.FinishReasonName(final!.Finish!.Value),
            }).ToArray(),
            Usage = ChatResponseBuilder.ToUsage(context.PromptTokens, finals[0]!.Usage!.CachedPromptTokens, completionTokens),
        }, OpenAiJson.Default.ChatCompletionResponse);
    }
}
