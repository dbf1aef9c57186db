using System.Net.Http.Headers;
using System.Runtime.CompilerServices;

namespace LocalOpenAi.Server.Upstream;

internal sealed partial class UpstreamForwarder
{
    private const int ChunkSize = 16 * 1024;
    private const int MaxPendingEvent = 1024 * 1024;

    /// <summary>
    /// One call: sends the request and, within <see cref="UpstreamOptions.ReadTimeout"/>, reads the
    /// whole non-streaming body or a stream's first whole event(s). Expected failures are values.
    /// </summary>
    private async ValueTask<UpstreamResponse> AttemptAsync(UpstreamRequest request, byte[] payload, StrongBox<int> attempts, CancellationToken cancellationToken)
    {
        attempts.Value++;
        using var timeout = new CancellationTokenSource(_options.ReadTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        HttpResponseMessage? message = null;
        Stream? stream = null;
        try
        {
            using var httpRequest = CreateRequest(request, payload);
            message = await _invoker.SendAsync(httpRequest, linked.Token);
            var status = (int)message.StatusCode;
            var failure = Classify(message, request.Stream);
            if (failure is not UpstreamError.None)
            {
                return Fail(failure, status, RetryAfter(message));
            }

            if (request.Stream && message.IsSuccessStatusCode)
            {
                stream = await message.Content.ReadAsStreamAsync(linked.Token);
                var framer = new SseEventFramer(MaxPendingEvent);
                var chunk = new byte[ChunkSize];
                ReadOnlyMemory<byte> first;
                do
                {
                    var read = await stream.ReadAsync(chunk, linked.Token);
                    if (read == 0)
                    {
                        return Fail(UpstreamError.BadResponse, status);
                    }

                    first = framer.Push(chunk.AsSpan(0, read));
                }
                while (first.IsEmpty);

                var answered = UpstreamResponse.Streaming(message, stream, framer, first);
                (message, stream) = (null, null);
                return answered;
            }

            await message.Content.LoadIntoBufferAsync(_options.MaxResponseBytes, linked.Token);
            var body = await message.Content.ReadAsByteArrayAsync(linked.Token);
            if (message.IsSuccessStatusCode && !UpstreamBodyCheck.IsJsonObject(body))
            {
                return Fail(UpstreamError.BadResponse, status);
            }

            var buffered = UpstreamResponse.Buffered(message, body);
            message = null;
            return buffered;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Our client left, or the call's total deadline passed: no more attempts.
            throw;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return Fail(UpstreamError.Timeout, null);
        }
        catch (OperationCanceledException)
        {
            // SocketsHttpHandler's ConnectTimeout surfaces as a cancellation of its own.
            return Fail(UpstreamError.ConnectFailed, null);
        }
        catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ConfigurationLimitExceeded)
        {
            return Fail(UpstreamError.BadResponse, null);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return Fail(UpstreamError.ConnectFailed, null);
        }
        finally
        {
            stream?.Dispose();
            message?.Dispose();
        }
    }

    private HttpRequestMessage CreateRequest(UpstreamRequest request, byte[] payload)
    {
        var httpRequest = new HttpRequestMessage(HttpMethod.Post, new Uri(_baseUri!, request.RelativePath))
        {
            Content = new ByteArrayContent(payload),
        };
        httpRequest.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        httpRequest.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(request.Stream ? "text/event-stream" : "application/json"));
        if (_options.Kind == UpstreamKind.Anthropic)
        {
            httpRequest.Headers.Add("anthropic-version", _options.AnthropicVersion);
            if (!string.IsNullOrEmpty(_options.Key))
            {
                httpRequest.Headers.Add("x-api-key", _options.Key);
            }
        }
        else if (!string.IsNullOrEmpty(_options.Key))
        {
            httpRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.Key);
        }

        return httpRequest;
    }

    /// <summary>
    /// Which answers are failures: redirects, our key refused, a stream that is not SSE or SSE where JSON
    /// was asked for. Other 4xx (the client's own mistake) are answered to the client, cleaned of secrets.
    /// </summary>
    private static UpstreamError Classify(HttpResponseMessage message, bool stream) => (int)message.StatusCode switch
    {
        429 => UpstreamError.RateLimited,
        >= 500 => UpstreamError.ServerError,
        < 200 or (>= 300 and < 400) => UpstreamError.BadResponse,
        401 or 403 or 407 => UpstreamError.BadResponse,
        >= 200 and < 300 when stream != (message.Content.Headers.ContentType?.MediaType == "text/event-stream") => UpstreamError.BadResponse,
        _ => UpstreamError.None,
    };

    private TimeSpan? RetryAfter(HttpResponseMessage message) => message.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - _timeProvider.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    private UpstreamResponse Fail(UpstreamError error, int? status, TimeSpan? retryAfter = null)
    {
        var kind = UpstreamErrorKind.For(error);
        _metrics.RecordUpstreamError(kind);
        Log.AttemptFailed(_logger, kind, status);
        return UpstreamResponse.Failed(error, status, retryAfter);
    }
}
