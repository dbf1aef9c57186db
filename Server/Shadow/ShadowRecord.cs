using System.Text.Json;
using System.Text.Json.Serialization;

namespace LocalOpenAi.Server.Shadow;

/// <summary>One shadowed request: what was asked, what the local model answered (and the client got), and what the cloud answered.</summary>
internal sealed record ShadowRecord(
    [property: JsonPropertyName("time")] DateTimeOffset Time,
    [property: JsonPropertyName("request_id")] string RequestId,
    [property: JsonPropertyName("request")] JsonElement Request,
    [property: JsonPropertyName("local")] JsonElement Local,
    [property: JsonPropertyName("cloud")] JsonElement Cloud,
    [property: JsonPropertyName("agree")] bool Agree);
