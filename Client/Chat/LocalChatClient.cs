using System.Runtime.CompilerServices;
using System.Text;
using LocalOpenAi.Client.Planning;
using LocalOpenAi.Engine.Generation;
using LocalOpenAi.Engine.Scheduling;
using Microsoft.Extensions.AI;

namespace LocalOpenAi.Client.Chat;

/// <summary>
/// <see cref="IChatClient"/> over the local engine: each call is planned as the server plans a chat
/// completion and queued on the batching scheduler, next to every other call in the process.
/// </summary>
/// <remarks>
/// When tools are offered, text is held back until the generation ends and then returned either as
/// function calls or as text, because a call can only be recognised whole.
/// </remarks>
internal sealed class LocalChatClient(LocalEngine engine) : IChatClient
{
    private readonly ChatClientMetadata _metadata = new("LocalOpenAi", defaultModelId: engine.ModelId);

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        await GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Cancelled in finally, so a caller that stops reading early frees the slot at once.
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var (run, chunks) = Start(messages, options, cancellation.Token);
        var responseId = $"chatcmpl-{Guid.NewGuid():N}";
        var created = DateTimeOffset.UtcNow;
        var held = run.Tools is null ? null : new StringBuilder();
        try
        {
            await foreach (var chunk in chunks)
            {
                if (held is not null)
                {
                    held.Append(chunk.Text);
                }
                else if (chunk.Text.Length > 0)
                {
                    yield return Update([new TextContent(chunk.Text)]);
                }

                if (chunk.IsFinal)
                {
                    ChatAnswer.ThrowIfFailed(chunk, cancellationToken);
                    var (contents, finish) = held is null
                        ? ([], ChatAnswer.ToFinishReason(chunk.Finish!.Value))
                        : ChatAnswer.Read(held.ToString(), chunk.Finish!.Value, run.Tools);
                    contents.Add(new UsageContent(ChatAnswer.ToUsage(run.PromptTokens, chunk.Usage!)));
                    yield return Update(contents, finish);
                }
            }
        }
        finally
        {
            await cancellation.CancelAsync();
        }

        ChatResponseUpdate Update(IList<AIContent> contents, ChatFinishReason? finish = null) => new(ChatRole.Assistant, contents)
        {
            ResponseId = responseId,
            MessageId = responseId,
            ModelId = engine.ModelId,
            CreatedAt = created,
            FinishReason = finish,
        };
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? _metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    /// <summary>Nothing to release here: the model belongs to the <see cref="LocalEngine"/>, which its container disposes.</summary>
    public void Dispose()
    {
    }

    /// <exception cref="ArgumentException">The request cannot be expressed for this model, or never fits its context.</exception>
    /// <exception cref="InvalidOperationException">The scheduler refused it: its queue is full or it is stopping.</exception>
    private (ChatRun Run, IAsyncEnumerable<GenerationChunk> Chunks) Start(IEnumerable<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken)
    {
        var (run, error) = ChatRunPlanner.Plan(engine.Model, engine.Template, ChatRequestTranslator.ToRequest(messages, options));
        if (error is not null)
        {
            throw new ArgumentException($"{error.Message} ({error.Param})", error.Param == "messages" ? nameof(messages) : nameof(options));
        }

        var submission = engine.Scheduler.Submit(run!.Generations[0], cancellationToken);
        return submission.Status switch
        {
            SubmitStatus.Accepted => (run, submission.Chunks!),
            SubmitStatus.ContextLengthExceeded or SubmitStatus.InvalidGrammar => throw new ArgumentException(submission.Error, nameof(messages)),
            _ => throw new InvalidOperationException($"The local model refused the request ({submission.Status}): {submission.Error}"),
        };
    }
}
