using System.Text.Json;
using LocalOpenAi.Engine.Generation;
using LocalOpenAi.Formats.OpenAi;
using LocalOpenAi.Server.Errors;

namespace LocalOpenAi.Server.Generation;

/// <summary>
/// Streams generated choices as SSE in the format's shape: opening events, deltas as tokens arrive,
/// a finish event per choice, an optional usage event, then <c>[DONE]</c>. A failure after the first
/// byte is sent as <c>data: {"error":...}</c> and the stream ends without <c>[DONE]</c>; a client that
/// leaves cancels its generations at the next decode step.
/// </summary>
public sealed class GenerationStreamResult(
    GenerationContext context, IReadOnlyList<IAsyncEnumerable<GenerationChunk>> choices, IGenerationStreamFormat format, bool includeUsage, ResponseCapture? capture = null) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        using var cancellation = context.Cancellation;
        var token = httpContext.RequestAborted;
        var events = new ServerSentEvents(httpContext.Response, capture);
        await events.StartAsync(token);
        for (var index = 0; index < choices.Count; index++)
        {
            foreach (var opening in format.Opening(index))
            {
                await events.WriteAsync(opening, token);
            }
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
                var error = OpenAiError.Envelope(chunk.Error ?? "Generation failed.", "server_error", null, null);
                await events.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(error, OpenAiJson.Default.ErrorResponse), token);
                return;
            }

            if (chunk.Text.Length > 0 || chunk.Logprobs is not null)
            {
                foreach (var delta in format.Delta(index, chunk))
                {
                    await events.WriteAsync(delta, token);
                }
            }

            if (chunk is { Finish: { } finish, Usage: { } usage })
            {
                completionTokens += usage.CompletionTokens;
                cachedTokens = Math.Max(cachedTokens, usage.CachedPromptTokens);
                foreach (var closing in format.Finish(index, finish))
                {
                    await events.WriteAsync(closing, token);
                }
            }
        }

        if (includeUsage)
        {
            foreach (var usage in format.Usage(completionTokens, cachedTokens))
            {
                await events.WriteAsync(usage, token);
            }
        }

        await events.WriteDoneAsync(token);
        if (capture is not null)
        {
            await capture.CompleteEventsAsync();
        }
    }
}
