using System.Text.Json;
using LocalOpenAi.Engine.Generation;
using LocalOpenAi.Formats.OpenAi;

namespace LocalOpenAi.Server.Generation;

/// <summary><c>chat.completion.chunk</c> events: a role delta, content deltas, a finish delta, a usage chunk.</summary>
public sealed class ChatStreamFormat(GenerationContext context) : IGenerationStreamFormat
{
    public IEnumerable<ReadOnlyMemory<byte>> Opening(int choice) =>
        [Serialize(Chunk(choice, new ChatDelta { Role = "assistant", Content = string.Empty }))];

    public ReadOnlyMemory<byte> Delta(int choice, GenerationChunk chunk) =>
        Serialize(Chunk(choice, new ChatDelta { Content = chunk.Text }, ChatResponseBuilder.ToLogprobs(chunk.Logprobs)));

    public ReadOnlyMemory<byte> Finish(int choice, FinishReason reason) =>
        Serialize(Chunk(choice, new ChatDelta(), finishReason: ChatResponseBuilder.FinishReasonName(reason)));

    public ReadOnlyMemory<byte> Usage(int completionTokens, int cachedPromptTokens) => Serialize(new ChatCompletionChunk
    {
        Id = context.Id,
        Created = context.Created,
        Model = context.Model.Alias,
        SystemFingerprint = context.Model.Fingerprint,
        Choices = [],
        Usage = ChatResponseBuilder.ToUsage(context.PromptTokens, cachedPromptTokens, completionTokens),
    });

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
