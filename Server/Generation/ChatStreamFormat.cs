using System.Text;
using System.Text.Json;
using LocalOpenAi.Engine.Generation;
using LocalOpenAi.Formats.OpenAi;
using LocalOpenAi.Formats.Tools;

namespace LocalOpenAi.Server.Generation;

/// <summary>
/// <c>chat.completion.chunk</c> events: a role delta, content deltas, a finish delta, a usage chunk.
/// When tools are offered, text is held back until the choice ends and then sent either as a
/// <c>tool_calls</c> delta (finish reason <c>tool_calls</c>, or <c>length</c> for a forced call cut short) or as content.
/// </summary>
internal sealed class ChatStreamFormat(GenerationContext context, ToolCallFormat? tools) : IGenerationStreamFormat
{
    private readonly Dictionary<int, StringBuilder> _heldText = [];

    public IEnumerable<ReadOnlyMemory<byte>> Opening(int choice) =>
        [Serialize(Chunk(choice, new ChatDelta { Role = "assistant", Content = string.Empty }))];

    public IEnumerable<ReadOnlyMemory<byte>> Delta(int choice, GenerationChunk chunk)
    {
        if (tools is not null)
        {
            Held(choice).Append(chunk.Text);
            return [];
        }

        return [Serialize(Chunk(choice, new ChatDelta { Content = chunk.Text }, ChatResponseBuilder.ToLogprobs(chunk.Logprobs)))];
    }

    public IEnumerable<ReadOnlyMemory<byte>> Finish(int choice, FinishReason reason)
    {
        if (tools is null)
        {
            return [Serialize(Chunk(choice, new ChatDelta(), finishReason: ChatResponseBuilder.FinishReasonName(reason)))];
        }

        var text = Held(choice).ToString();
        if (ChatResponseBuilder.ToolCalls(tools, reason, text) is { } calls)
        {
            return
            [
                Serialize(Chunk(choice, new ChatDelta { ToolCalls = calls })),
                Serialize(Chunk(choice, new ChatDelta(), finishReason: reason == FinishReason.Stop ? ChatResponseBuilder.ToolCallsFinishReason : ChatResponseBuilder.FinishReasonName(reason))),
            ];
        }

        return
        [
            Serialize(Chunk(choice, new ChatDelta { Content = text })),
            Serialize(Chunk(choice, new ChatDelta(), finishReason: ChatResponseBuilder.FinishReasonName(reason))),
        ];
    }

    public IEnumerable<ReadOnlyMemory<byte>> Usage(int completionTokens, int cachedPromptTokens) => [Serialize(new ChatCompletionChunk
    {
        Id = context.Id,
        Created = context.Created,
        Model = context.Model.Alias,
        SystemFingerprint = context.Model.Fingerprint,
        Choices = [],
        Usage = ChatResponseBuilder.ToUsage(context.PromptTokens, cachedPromptTokens, completionTokens),
    })];

    private StringBuilder Held(int choice) => _heldText.TryGetValue(choice, out var held) ? held : _heldText[choice] = new StringBuilder();

    private ChatCompletionChunk Chunk(int index, ChatDelta delta, ChoiceLogprobs? logprobs = null, string? finishReason = null) => new()
    {
        Id = context.Id,
        Created = context.Created,
        Model = context.Model.Alias,
        SystemFingerprint = context.Model.Fingerprint,
        Choices = [new ChatChunkChoice { Index = index, Delta = delta, Logprobs = logprobs, FinishReason = finishReason }],
    };

    private static byte[] Serialize(ChatCompletionChunk chunk) => JsonSerializer.SerializeToUtf8Bytes(chunk, OpenAiJson.Default.ChatCompletionChunk);
}
