using System.Text.Json.Nodes;
using LocalOpenAi.Formats.Responses;
using LocalOpenAi.Server.Backends;
using LocalOpenAi.Server.Errors;

namespace LocalOpenAi.Server.Responses;

/// <summary>
/// The Responses API: a chat answer becomes a Response object, its chunks the Responses event sequence.
/// A whole Response is stored before its last bytes go out (when the request asked for <c>store</c>),
/// so a client that reads it and at once asks for it by id finds it.
/// </summary>
internal sealed class ResponsesDialect(ResponseContext context, ResponsesChatRequest request, ResponseStore store, string tenant) : IWireDialect
{
    private readonly ResponsesStreamTranslator _stream = new(context);

    public async ValueTask<byte[]> JsonAsync(byte[] completion)
    {
        var response = ResponsesResponseBuilder.FromChat(JsonNode.Parse(completion)!.AsObject(), context);
        await KeepAsync(response);
        return System.Text.Encoding.UTF8.GetBytes(response.ToJsonString());
    }

    public IEnumerable<ReadOnlyMemory<byte>> Start() => Frames(_stream.Start());

    public IEnumerable<ReadOnlyMemory<byte>> Events(ReadOnlyMemory<byte> payload) =>
        JsonNode.Parse(payload.Span) is JsonObject chunk ? Frames(_stream.OnChunk(chunk)) : [];

    public async ValueTask<IEnumerable<ReadOnlyMemory<byte>>> EndAsync()
    {
        var frames = Frames(_stream.Complete());
        if (_stream.Response is { } response)
        {
            await KeepAsync(response);
        }

        return frames;
    }

    public IEnumerable<ReadOnlyMemory<byte>> Failure(ErrorResult error) =>
        error.StatusCode == RefusedOutcome.ClientClosedRequest ? [] : Frames(_stream.Fail(error.Body.Error.Message));

    private async Task KeepAsync(JsonObject response)
    {
        if (context.Store)
        {
            var conversation = request.Conversation.Concat(ResponsesResponseBuilder.OutputItems(response)).ToList();
            await store.SaveAsync(tenant, context.Id, new StoredResponse(response, request.InputItems, conversation));
        }
    }

    private static List<ReadOnlyMemory<byte>> Frames(IEnumerable<ResponsesSseEvent> events) =>
        [.. events.Select(item => (ReadOnlyMemory<byte>)item.ToUtf8Bytes())];
}
