using System.Text.Json.Nodes;
using LocalOpenAi.Formats.Anthropic;
using LocalOpenAi.Server.Errors;
using LocalOpenAi.Server.Generation;

namespace LocalOpenAi.Server.Backends;

/// <summary>Anthropic Messages: a chat answer becomes a <c>message</c>, its chunks the Messages event sequence, a failure an <c>error</c> event.</summary>
internal sealed class AnthropicDialect(string model, HttpContext http) : IWireDialect
{
    /// <summary>Made at the first payload, when the backend has counted the prompt that <c>message_start</c> reports.</summary>
    private AnthropicStreamTranslator? _stream;

    private AnthropicStreamTranslator Stream => _stream ??= new(model, inputTokens: PromptTokenCount.Get(http) ?? 0);

    public ValueTask<byte[]> JsonAsync(byte[] completion) => ValueTask.FromResult(
        JsonNode.Parse(completion) is JsonObject chat
            ? System.Text.Encoding.UTF8.GetBytes(AnthropicResponseTranslator.FromChat(chat, model).ToJsonString())
            : throw new InvalidOperationException("A backend answered with JSON that is not an object."));

    public IEnumerable<ReadOnlyMemory<byte>> Start() => [];

    public IEnumerable<ReadOnlyMemory<byte>> Events(ReadOnlyMemory<byte> payload) =>
        JsonNode.Parse(payload.Span) is JsonObject chunk ? Frames(Stream.OnChunk(chunk)) : [];

    public ValueTask<IEnumerable<ReadOnlyMemory<byte>>> EndAsync() => ValueTask.FromResult(Frames(Stream.Complete()));

    public IEnumerable<ReadOnlyMemory<byte>> Failure(ErrorResult error) =>
        error.StatusCode == RefusedOutcome.ClientClosedRequest ? [] : Frames([AnthropicSseEvent.Error(AnthropicErrorShape.From(error))]);

    private static IEnumerable<ReadOnlyMemory<byte>> Frames(IEnumerable<AnthropicSseEvent> events) =>
        events.Select(item => (ReadOnlyMemory<byte>)item.ToBytes());
}
