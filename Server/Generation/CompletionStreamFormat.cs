using System.Text.Json;
using LocalOpenAi.Engine.Generation;
using LocalOpenAi.Formats.OpenAi;

namespace LocalOpenAi.Server.Generation;

/// <summary>Legacy <c>text_completion</c> events: text pieces, a finish event, a usage event.</summary>
internal sealed class CompletionStreamFormat(GenerationContext context, IReadOnlyList<string> echoedPrompts) : IGenerationStreamFormat
{
    public IEnumerable<ReadOnlyMemory<byte>> Opening(int choice) =>
        echoedPrompts.Count > 0 ? [Serialize(Choice(choice, echoedPrompts[choice], null))] : [];

    public IEnumerable<ReadOnlyMemory<byte>> Delta(int choice, GenerationChunk chunk) =>
        [Serialize(Choice(choice, chunk.Text, null, CompletionResponseBuilder.ToLogprobs(chunk.Logprobs, 0)))];

    public IEnumerable<ReadOnlyMemory<byte>> Finish(int choice, FinishReason reason) =>
        [Serialize(Choice(choice, string.Empty, ChatResponseBuilder.FinishReasonName(reason)))];

    public IEnumerable<ReadOnlyMemory<byte>> Usage(int completionTokens, int cachedPromptTokens) => [Serialize(new CompletionResponse
    {
        Id = context.Id,
        Created = context.Created,
        Model = context.Model.Alias,
        SystemFingerprint = context.Model.Fingerprint,
        Choices = [],
        Usage = ChatResponseBuilder.ToUsage(context.PromptTokens, cachedPromptTokens, completionTokens),
    })];

    private CompletionResponse Choice(int index, string text, string? finishReason, CompletionLogprobs? logprobs = null) => new()
    {
        Id = context.Id,
        Created = context.Created,
        Model = context.Model.Alias,
        SystemFingerprint = context.Model.Fingerprint,
        Choices = [new CompletionChoice { Index = index, Text = text, FinishReason = finishReason, Logprobs = logprobs }],
    };

    private static byte[] Serialize(CompletionResponse response) => JsonSerializer.SerializeToUtf8Bytes(response, OpenAiJson.Default.CompletionResponse);
}
