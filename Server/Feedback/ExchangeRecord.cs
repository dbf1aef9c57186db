using System.Text.Json;

namespace LocalOpenAi.Server.Feedback;

/// <summary>One completed exchange: the request body and the response body as sent, keyed by the request id.</summary>
/// <param name="RequestId">The id echoed in <c>X-Request-Id</c>.</param>
/// <param name="Time">When the response was completed.</param>
/// <param name="Request">The request JSON (e.g. a chat completion request with <c>messages</c>).</param>
/// <param name="Response">The response JSON (for a stream, the assembled non-streaming equivalent).</param>
/// <param name="Route">Who answered (<c>local</c>, <c>cloud</c>, <c>cache</c>), when known: ratings of local answers calibrate the router.</param>
/// <param name="Agent">The agent that asked (<c>X-Agent-Name</c>), when known.</param>
internal sealed record ExchangeRecord(string RequestId, DateTimeOffset Time, JsonElement Request, JsonElement Response, string? Route = null, string? Agent = null);
