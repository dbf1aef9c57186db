using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server.Pull;

/// <summary>
/// A Hugging Face Hub on loopback: the model listing, <c>resolve</c> redirects carrying
/// <c>X-Linked-Etag</c>/<c>X-Linked-Size</c>, and a "CDN" serving bytes with Range support,
/// with switches for the failures a pull must survive or reject.
/// </summary>
internal sealed class FakeHub : IAsyncDisposable
{
    private LoopbackHost? _host;

    public Dictionary<string, byte[]> Files { get; } = [];

    /// <summary>Overrides of what the listing says, by file name.</summary>
    public Dictionary<string, (long? Size, string? Sha256)> Listed { get; } = [];

    /// <summary>Bytes served instead of a file's own (the listing still describes the original).</summary>
    public Dictionary<string, byte[]> Served { get; } = [];

    /// <summary>The first body response is cut (connection aborted) after this many bytes.</summary>
    public long? CutFirstResponseAt { get; set; }

    public bool IgnoreRange { get; set; }

    public string? RedirectHost { get; set; }

    public ConcurrentQueue<(string Path, string? Range, string? Authorization)> Requests { get; } = new();

    public Uri Endpoint { get; private set; } = null!;

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public async Task StartAsync()
    {
        _host = await LoopbackHost.StartAsync(_ => { }, Map);
        Endpoint = _host.BaseAddress;
    }

    public async Task StopAsync()
    {
        if (_host is { } host)
        {
            _host = null;
            await host.DisposeAsync();
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private void Map(WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            Requests.Enqueue((http.Request.Path.Value!, http.Request.Headers.Range.FirstOrDefault(), http.Request.Headers.Authorization.FirstOrDefault()));
            await next(http);
        });
        app.MapGet("/api/models/{owner}/{repo}", Listing);
        app.MapGet("/{owner}/{repo}/resolve/main/{**file}", Resolve);
        app.MapGet("/cdn/{**file}", ServeAsync);
    }

    private IResult Listing(string owner, string repo)
    {
        var siblings = new JsonArray { new JsonObject { ["rfilename"] = "README.md", ["size"] = 10 } };
        foreach (var (name, bytes) in Files)
        {
            var (size, sha) = Listed.GetValueOrDefault(name, (bytes.Length, Sha256(bytes)));
            var sibling = new JsonObject { ["rfilename"] = name, ["size"] = size };
            if (sha is not null)
            {
                sibling["lfs"] = new JsonObject { ["sha256"] = sha, ["size"] = size, ["pointerSize"] = 134 };
            }

            siblings.Add(sibling);
        }

        return Results.Text(new JsonObject { ["id"] = $"{owner}/{repo}", ["siblings"] = siblings }.ToJsonString(), "application/json");
    }

    private IResult Resolve(HttpContext http, string file)
    {
        if (!Files.TryGetValue(file, out var bytes))
        {
            return Results.NotFound();
        }

        http.Response.Headers["X-Linked-Size"] = bytes.Length.ToString();
        http.Response.Headers["X-Linked-Etag"] = $"\"{Sha256(bytes)}\"";
        var target = RedirectHost is null ? $"/cdn/{file}" : $"http://{RedirectHost}:{Endpoint.Port}/cdn/{file}";
        return Results.Redirect(target);
    }

    private async Task ServeAsync(HttpContext http, string file)
    {
        var bytes = Served.GetValueOrDefault(file) ?? Files[file];
        var start = 0L;
        if (!IgnoreRange && http.Request.Headers.Range.FirstOrDefault() is { } range && range.StartsWith("bytes=", StringComparison.Ordinal))
        {
            start = long.Parse(range["bytes=".Length..].TrimEnd('-'));
            http.Response.StatusCode = StatusCodes.Status206PartialContent;
            http.Response.Headers.ContentRange = $"bytes {start}-{bytes.Length - 1}/{bytes.Length}";
        }

        http.Response.ContentLength = bytes.Length - start;
        if (CutFirstResponseAt is { } cut)
        {
            CutFirstResponseAt = null;
            await http.Response.Body.WriteAsync(bytes.AsMemory((int)start, (int)(cut - start)));
            await http.Response.Body.FlushAsync();
            await Task.Delay(100);
            http.Abort();
            return;
        }

        await http.Response.Body.WriteAsync(bytes.AsMemory((int)start));
    }
}
