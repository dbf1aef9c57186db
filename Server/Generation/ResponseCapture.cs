namespace LocalOpenAi.Server.Generation;

/// <summary>
/// What a successful response sent, kept for the response cache and the feedback exchange log:
/// the JSON body, or the SSE <c>data:</c> payloads in order. The completion callback runs only
/// when the response finished normally (never for an error, a cancel or a cut stream).
/// </summary>
public sealed class ResponseCapture(Func<ResponseCapture, Task> onCompleted)
{
    public byte[]? Json { get; private set; }

    public List<byte[]>? Events { get; private set; }

    public Task CompleteJsonAsync(byte[] json)
    {
        Json = json;
        return onCompleted(this);
    }

    public void AddEvent(ReadOnlyMemory<byte> payload) => (Events ??= []).Add(payload.ToArray());

    public Task CompleteEventsAsync() => onCompleted(this);
}
