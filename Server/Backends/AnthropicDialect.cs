using System.Text.Json.Nodes;
using LocalOpenAi.Formats.Anthropic;
using LocalOpenAi.Server.Errors;

namespace LocalOpenAi.Server.Backends;

/// <summary>Anthropic Messages: a chat answer becomes a <c>message</c>, its chunks the Messages event sequence, a failure an <c>error</c> event.</summary>
internal sealed class AnthropicDialect(string model) : IWireDialect
{
    private readonly AnthropicStreamTranslator _stream = new(model);

    public ValueTask<byte[]> JsonAsync(byte[] completion) => ValueTask.FromResult(
        JsonNode.Parse(completion) is JsonObject chat
            ? System.Text.Encoding.UTF8.GetBytes(AnthropicResponseTranslator.FromChat(chat, model).ToJsonString())
            : throw new InvalidOperationException("A backend answered with JSON that is not an object."));

    public IEnumerable<ReadOnlyMemory<byte>> Start() => [];

    public IEnumerable<ReadOnlyMemory<byte>> Events(ReadOnlyMemory<byte> payload) =>
        JsonNode.Parse(payload.Span) is JsonObject chunk ? Frames(_stream.OnChunk(chunk)) : [];

    public ValueTask<IEnumerable<ReadOnlyMemory<byte>>> EndAsync() => ValueTask.FromResult(Frames(_stream.Complete()));

    public IEnumerable<ReadOnlyMemory<byte>> Failure(ErrorResult error) =>
        error.StatusCode == RefusedOutcome.ClientClosedRequest ? [] : Frames([AnthropicSseEvent.Error(AnthropicErrorShape.From(error))]);

    private static IEnumerable<ReadOnlyMemory<byte>> Frames(IEnumerable<AnthropicSseEvent> events) =>
        events.Select(item => (ReadOnlyMemory<byte>)item.ToBytes());
}
