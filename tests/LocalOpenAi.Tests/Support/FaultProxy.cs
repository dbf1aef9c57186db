using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LocalOpenAi.Tests.Support;

/// <summary>
/// A tiny Kestrel app on loopback in front of a real upstream that fails on demand: the next K
/// requests take the modes queued with <see cref="FailNext"/>, the rest take <see cref="Mode"/>.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private readonly Uri _upstream;
    private readonly HttpClient _client = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly ConcurrentQueue<FaultProxyMode> _next = new();
    private readonly CancellationTokenSource _stopping = new();
    private LoopbackHost? _host;
    private int _requests;

    private FaultProxy(Uri upstream) => _upstream = upstream;

    public Uri BaseAddress => _host!.BaseAddress;

    /// <summary>The mode once the queued ones are used up.</summary>
    public FaultProxyMode Mode { get; set; } = FaultProxyMode.PassThrough;

    public int CutAfterBytes { get; set; } = 300;

    public int RequestCount => Volatile.Read(ref _requests);

    public string? LastAuthorization { get; private set; }

    public string? LastRequestBody { get; private set; }

    /// <summary>The path and the <c>x-api-key</c> / <c>anthropic-version</c> headers of the last request.</summary>
    public string? LastPath { get; private set; }

    public string? LastApiKey { get; private set; }

    public string? LastAnthropicVersion { get; private set; }

    /// <summary>The bytes this proxy sent to its client for the last relayed request.</summary>
    public byte[] LastResponseBytes { get; private set; } = [];

    public static async Task<FaultProxy> StartAsync(Uri upstream)
    {
        var proxy = new FaultProxy(upstream);
        proxy._host = await LoopbackHost.StartAsync(_ => { }, app => app.Run(proxy.HandleAsync));
        return proxy;
    }

    /// <summary>The next <paramref name="count"/> requests take <paramref name="mode"/>.</summary>
    public void FailNext(int count, FaultProxyMode mode)
    {
        for (var i = 0; i < count; i++)
        {
            _next.Enqueue(mode);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        LastAuthorization = context.Request.Headers.Authorization;
        LastPath = context.Request.Path;
        LastApiKey = context.Request.Headers["x-api-key"];
        LastAnthropicVersion = context.Request.Headers["anthropic-version"];
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        LastRequestBody = await reader.ReadToEndAsync(context.RequestAborted);
        var mode = _next.TryDequeue(out var queued) ? queued : Mode;
        switch (mode)
        {
            case FaultProxyMode.ServerError:
                context.Response.StatusCode = 500;
                await context.Response.WriteAsJsonAsync(new { error = new { message = "injected", type = "server_error" } });
                return;
            case FaultProxyMode.RateLimited:
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = "1";
                await context.Response.WriteAsJsonAsync(new { error = new { message = "slow down", type = "rate_limit_exceeded" } });
                return;
            case FaultProxyMode.Hang:
                using (var both = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token))
                {
                    await Task.Delay(Timeout.Infinite, both.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                }

                return;
            case FaultProxyMode.Reset:
                context.Abort();
                return;
            case FaultProxyMode.HtmlPage:
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync("<html><body>Please sign in to the network</body></html>");
                return;
            case FaultProxyMode.Redirect:
                context.Response.StatusCode = 302;
                context.Response.Headers.Location = "http://127.0.0.1:1/login";
                return;
            case FaultProxyMode.AlwaysStream:
                context.Response.ContentType = "text/event-stream";
                await context.Response.WriteAsync("data: {\"choices\":[]}\n\ndata: [DONE]\n\n");
                return;
            case FaultProxyMode.EchoingClientError:
                context.Response.StatusCode = 400;
                await context.Response.WriteAsJsonAsync(new
                {
                    error = new { message = $"Bad request; you sent Authorization: {LastAuthorization}", type = "invalid_request_error", code = "bad_thing", param = "messages" },
                });
                return;
            default:
                await RelayAsync(context, mode == FaultProxyMode.CutStream ? CutAfterBytes : int.MaxValue);
                return;
        }
    }

    private async Task RelayAsync(HttpContext context, int limit)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_upstream, context.Request.Path.Value!.TrimStart('/')))
        {
            Content = new StringContent(LastRequestBody ?? "", Encoding.UTF8, "application/json"),
        };
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
        await using var body = await response.Content.ReadAsStreamAsync(context.RequestAborted);
        var sent = new MemoryStream();
        var buffer = new byte[4096];
        int read;
        while ((read = await body.ReadAsync(buffer, context.RequestAborted)) > 0)
        {
            var take = (int)Math.Min(read, limit - sent.Length);
            await context.Response.Body.WriteAsync(buffer.AsMemory(0, take), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            sent.Write(buffer, 0, take);
            if (sent.Length >= limit)
            {
                LastResponseBytes = sent.ToArray();
                // The abort resets the connection, and a reset makes the client's kernel drop what its reader
                // has not taken yet: give a busy client time to read the headers and bytes sent, or it sees a
                // failed connection instead of a cut stream.
                await Task.Delay(TimeSpan.FromSeconds(1), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                context.Abort();
                return;
            }
        }

        LastResponseBytes = sent.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_host is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _host.StopAsync(timeout.Token);
            await _host.DisposeAsync();
        }

        _client.Dispose();
        _stopping.Dispose();
    }
}
