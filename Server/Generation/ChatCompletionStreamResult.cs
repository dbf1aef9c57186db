using LocalOpenAi.Engine.Generation;
using LocalOpenAi.Formats.OpenAi;

namespace LocalOpenAi.Server.Generation;

/// <summary>
/// Streams a chat completion as OpenAI does: a role chunk, content deltas as tokens arrive, a chunk
/// with the finish reason per choice, an optional usage chunk, then <c>[DONE]</c>. A failure after
/// the first byte is sent as a <c>data: {"error":...}</c> event and the stream ends without <c>[DONE]</c>.
/// </summary>
public sealed class ChatCompletionStreamResult(ChatCompletionContext context, IReadOnlyList<IAsyncEnumerable<GenerationChunk>> choices, bool includeUsage) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        using var cancellation = context.Cancellation;
        var token = httpContext.RequestAborted;
        var events = new ServerSentEvents(httpContext.Response);
        await events.StartAsync(token);
        for (var index = 0; index < choices.Count; index++)
        {
            await events.WriteAsync(Chunk(index, new ChatDelta { Role = "assistant", Content = string.Empty }), OpenAiJson.Default.ChatCompletionChunk, token);
        }

        var completionTokens = 0;
        var cachedTokens = 0;
        await foreach (var (index, chunk) in ChoiceMerger.MergeAsync(choices, CancellationToken.None))
        {
            if (chunk.Finish is FinishReason.Cancelled)
            {
                return;
            }

            if (chunk.Finish is FinishReason.Error)
            {
                await cancellation.CancelAsync();
                await events.WriteAsync(Errors.OpenAiError.Envelope(chunk.Error ?? "Generation failed.", "server_error", null, null), OpenAiJson.Default.ErrorResponse, token);
                return;
            }

            if (chunk.Text.Length > 0 || chunk.Logprobs is not null)
            {
                await events.WriteAsync(Chunk(index, new ChatDelta { Content = chunk.Text }, ChatResponseBuilder.ToLogprobs(chunk.Logprobs)), OpenAiJson.Default.ChatCompletionChunk, token);
            }

            if (chunk is { Finish: { } finish, Usage: { } usage })
            {
                completionTokens += usage.CompletionTokens;
                cachedTokens = usage.CachedPromptTokens;
                await events.WriteAsync(Chunk(index, new ChatDelta(), finishReason: ChatResponseBuilder.FinishReasonName(finish)), OpenAiJson.Default.ChatCompletionChunk, token);
            }
        }

        if (includeUsage)
        {
            await events.WriteAsync(
                new ChatCompletionChunk
                {
                    Id = context.Id,
                    Created = context.Created,
                    Model = context.Model.Alias,
                    SystemFingerprint = context.Model.Fingerprint,
                    Choices = [],
                    Usage = ChatResponseBuilder.ToUsage(context.PromptTokens, cachedTokens, completionTokens),
                },
                OpenAiJson.Default.ChatCompletionChunk,
                token);
        }

        await events.WriteDoneAsync(token);
    }

    private ChatCompletionChunk Chunk(int index, ChatDelta delta, ChoiceLogprobs? logprobs = null, string? finishReason = null) => new()
    {
        Id = context.Id,
        Created = context.Created,
        Model = context.Model.Alias,
        SystemFingerprint = context.Model.Fingerprint,
        Choices = [new ChatChunkChoice { Index = index, Delta = delta, Logprobs = logprobs, FinishReason = finishReason }],
    };
}
