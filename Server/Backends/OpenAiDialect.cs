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

    /// <remarks>A stream cut short by shutdown also gets <c>[DONE]</c>: the server ended it on purpose and the client may retry elsewhere.</remarks>
    public IEnumerable<ReadOnlyMemory<byte>> Failure(ErrorResult error) => error switch
    {
        { StatusCode: RefusedOutcome.ClientClosedRequest } => [],
        { Body.Error.Code: OpenAiError.ShuttingDownCode } => [ErrorFrame(error), SseFrame.Data("[DONE]"u8)],
        _ => [ErrorFrame(error)],
    };

    private static byte[] ErrorFrame(ErrorResult error) => SseFrame.Data(JsonSerializer.SerializeToUtf8Bytes(error.Body, OpenAiJson.Default.ErrorResponse));
}
