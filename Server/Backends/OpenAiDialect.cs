using System.Text.Json;
using LocalOpenAi.Formats.OpenAi;
using LocalOpenAi.Server.Errors;

namespace LocalOpenAi.Server.Backends;

/// <summary>OpenAI's own shape, as the backends produce it: the body as is, bare <c>data:</c> frames, <c>[DONE]</c>, an error event without it.</summary>
internal sealed class OpenAiDialect : IWireDialect
{
    public static OpenAiDialect Instance { get; } = new();

    public ValueTask<byte[]> JsonAsync(byte[] completion) => ValueTask.FromResult(completion);

    public IEnumerable<ReadOnlyMemory<byte>> Start() => [];

    public IEnumerable<ReadOnlyMemory<byte>> Events(ReadOnlyMemory<byte> payload) => [SseFrame.Data(payload.Span)];

    public ValueTask<IEnumerable<ReadOnlyMemory<byte>>> EndAsync() => ValueTask.FromResult<IEnumerable<ReadOnlyMemory<byte>>>([SseFrame.Data("[DONE]"u8)]);

    public IEnumerable<ReadOnlyMemory<byte>> Failure(ErrorResult error) =>
        error.StatusCode == RefusedOutcome.ClientClosedRequest ? [] : [SseFrame.Data(JsonSerializer.SerializeToUtf8Bytes(error.Body, OpenAiJson.Default.ErrorResponse))];
}
