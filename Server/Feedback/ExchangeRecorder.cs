using System.Text.Json;
using System.Text.Json.Nodes;

namespace LocalOpenAi.Server.Feedback;

/// <summary>Puts each completed completion (local, cloud or cache) into the exchange log, so that feedback on its request id carries it.</summary>
internal sealed partial class ExchangeRecorder(IExchangeLog log, TimeProvider time, ILogger<ExchangeRecorder> logger)
{
    /// <summary>Records a JSON answer, with who answered it and for which agent.</summary>
    public void RecordJson(string requestId, JsonObject request, ReadOnlyMemory<byte> json, string? route = null, string? agent = null) =>
        Record(requestId, request, () => JsonDocument.Parse(json).RootElement.Clone(), route, agent);

    /// <summary>Records a stream as the JSON answer its event payloads assemble into.</summary>
    public void RecordEvents(string requestId, JsonObject request, IEnumerable<ReadOnlyMemory<byte>> events, string? route = null, string? agent = null) =>
        Record(requestId, request, () => JsonSerializer.SerializeToElement(StreamedResponseAssembler.Assemble(events), FeedbackJson.Default.JsonObject), route, agent);

    private void Record(string requestId, JsonObject request, Func<JsonElement> response, string? route, string? agent)
    {
        try
        {
            log.Record(new ExchangeRecord(requestId, time.GetUtcNow(), JsonSerializer.SerializeToElement(request, FeedbackJson.Default.JsonObject), response(), route, agent));
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
