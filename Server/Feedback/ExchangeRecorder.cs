using System.Text.Json;
using System.Text.Json.Nodes;

namespace LocalOpenAi.Server.Feedback;

/// <summary>Puts each completed completion (local, cloud or cache) into the exchange log, so that feedback on its request id carries it.</summary>
public sealed partial class ExchangeRecorder(IExchangeLog log, TimeProvider time, ILogger<ExchangeRecorder> logger)
{
    /// <summary>Records a JSON answer.</summary>
    public void RecordJson(string requestId, JsonObject request, ReadOnlyMemory<byte> json) =>
        Record(requestId, request, () => JsonDocument.Parse(json).RootElement.Clone());

    /// <summary>Records a stream as the JSON answer its event payloads assemble into.</summary>
    public void RecordEvents(string requestId, JsonObject request, IEnumerable<ReadOnlyMemory<byte>> events) =>
        Record(requestId, request, () => JsonSerializer.SerializeToElement(StreamedResponseAssembler.Assemble(events), FeedbackJson.Default.JsonObject));

    private void Record(string requestId, JsonObject request, Func<JsonElement> response)
    {
        try
        {
            log.Record(new ExchangeRecord(requestId, time.GetUtcNow(), JsonSerializer.SerializeToElement(request, FeedbackJson.Default.JsonObject), response()));
        }
        catch (JsonException exception)
        {
            Log.Unreadable(logger, requestId, exception.Message);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "The response to {RequestId} is not JSON, so feedback on it will carry no exchange: {Reason}")]
        public static partial void Unreadable(ILogger logger, string requestId, string reason);
    }
}
