using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace LocalOpenAi.LoadGenerator;

/// <summary>
/// Sends one streaming chat completion and reads its server-sent events line by line straight off
/// the response stream, so every delta is timed when its bytes arrive rather than after buffering.
/// </summary>
/// <remarks>Expects one <c>data:</c> line per event, as OpenAI-compatible servers send.</remarks>
internal sealed class ChatStreamClient(HttpClient http, Uri endpoint, TimeSpan timeout)
{
    private const string DataPrefix = "data:";

    /// <param name="agent">Sent as <c>X-Agent-Name</c> when not null.</param>
    /// <param name="deadline">Cancelled when the whole level runs out of time (or the run is interrupted).</param>
    public async Task<RequestOutcome> SendAsync(byte[] body, string? agent, CancellationToken deadline)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(deadline);
        limit.CancelAfter(timeout);
        var timeline = new StreamTimeline(Stopwatch.GetTimestamp());
        var headersReceived = false;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
            if (agent is not null)
            {
                request.Headers.Add("X-Agent-Name", agent);
            }

            // A fresh loopback connection per request: llama-server (cpp-httplib) closes kept-alive connections
            // under load, and a POST sent on one that is closing fails with no response ("ResponseEnded").
            request.Headers.ConnectionClose = true;
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limit.Token);
            headersReceived = true;
            if (!response.IsSuccessStatusCode)
            {
                return timeline.Fail(new RequestFailure(FailureKind.HttpStatus, (int)response.StatusCode));
            }

            await using var stream = await response.Content.ReadAsStreamAsync(limit.Token);
            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false);
            return await ReadEventsAsync(reader, timeline, limit.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException)
        {
            return timeline.Fail(Classify(e, limit.IsCancellationRequested, deadline.IsCancellationRequested, headersReceived));
        }
    }

    private static async Task<RequestOutcome> ReadEventsAsync(StreamReader reader, StreamTimeline timeline, CancellationToken token)
    {
        while (await reader.ReadLineAsync(token) is { } line)
        {
            if (!line.StartsWith(DataPrefix, StringComparison.Ordinal))
            {
                continue; // blank separators, comments, "event:" lines
            }

            var payload = line[DataPrefix.Length..].Trim();
            if (payload == "[DONE]")
            {
                return timeline.Complete();
            }

            StreamChunk chunk;
            try
            {
                chunk = StreamChunk.Parse(payload);
            }
            catch (JsonException)
            {
                return timeline.Fail(new RequestFailure(FailureKind.BrokenStream, Detail: "malformed event"));
            }

            if (chunk.Error is not null)
            {
                return timeline.Fail(new RequestFailure(FailureKind.StreamError, Detail: chunk.Error));
            }

            timeline.Observe(chunk, Stopwatch.GetTimestamp());
        }

        return timeline.Fail(new RequestFailure(FailureKind.BrokenStream, Detail: "stream ended before [DONE]"));
    }

    private static RequestFailure Classify(Exception error, bool limitReached, bool deadlineReached, bool headersReceived) =>
        (limitReached, deadlineReached, headersReceived) switch
        {
            (_, true, _) => new RequestFailure(FailureKind.Deadline),
            (true, _, _) => new RequestFailure(FailureKind.Timeout),
            (_, _, true) => new RequestFailure(FailureKind.BrokenStream, Detail: Describe(error)),
            _ => new RequestFailure(FailureKind.Connection, Detail: Describe(error)),
        };

    /// <summary>The messages down the chain of inner exceptions: HttpClient's outer one says little.</summary>
    private static string Describe(Exception error)
    {
        var messages = new List<string>();
        for (var current = error; current is not null; current = current.InnerException)
        {
            messages.Add(current.Message);
        }

        return string.Join(" <- ", messages);
    }
}
