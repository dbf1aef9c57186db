using System.Net.Http.Headers;
using LocalOpenAi.Server.Metrics;
using LocalOpenAi.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server.Security;

/// <summary>
/// A real Kestrel host on loopback with the security pipeline and stand-in endpoints, configured by
/// <c>Key=Value</c> settings. <c>POST /v1/chat/completions</c> reports the tokens named in
/// <c>X-Test-Tokens</c> and answers the caller's owner. A request with <c>X-Test-Remote-Address</c> is
/// treated as coming from that address, as if from another machine.
/// </summary>
internal sealed class SecurityTestHost : IAsyncDisposable
{
    public const string ClientKey = "sk-test-client-0123456789abcdef";
    public const string SecondKey = "sk-test-second-fedcba9876543210";
    public const string AdminKey = "sk-test-admin-5f5f5f5f5f5f5f5f";

    public const string RemoteAddressHeader = "X-Test-Remote-Address";

    private readonly LoopbackHost _host;

    private SecurityTestHost(LoopbackHost host, CapturingLoggerProvider logs)
    {
        _host = host;
        Logs = logs;
    }

    public HttpClient Http => _host.Http;

    public CapturingLoggerProvider Logs { get; }

    /// <summary>Settings for a host with a keyed client (owner alice), an unnamed key and the admin key.</summary>
    public static string[] WithKeys(params string[] more) =>
        [$"Security:ApiKeys:0={ClientKey} alice", $"Security:ApiKeys:1={SecondKey}", $"Security:AdminKey={AdminKey}", .. more];

    public static async Task<SecurityTestHost> StartAsync(params string[] settings)
    {
        var logs = new CapturingLoggerProvider();
        var host = await LoopbackHost.StartAsync(
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(settings.Select(setting => setting.Split('=', 2)).Select(pair => new KeyValuePair<string, string?>(pair[0], pair[1])));
                builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
                builder.Services.AddLocalOpenAiSecurity(builder.Configuration);
            },
            MapStandIns);
        return new SecurityTestHost(host, logs);
    }

    public static HttpRequestMessage Request(HttpMethod method, string path, string? bearer = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (method == HttpMethod.Post || method == HttpMethod.Put)
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }

        return request;
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? bearer = null) => Http.SendAsync(Request(method, path, bearer));

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static void MapStandIns(WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (System.Net.IPAddress.TryParse(context.Request.Headers[RemoteAddressHeader], out var remote))
            {
                context.Connection.RemoteIpAddress = remote;
            }

            return next(context);
        });
        app.UseLocalOpenAiSecurity();
        app.MapGet("/health", () => "ok");
        app.MapGet("/ready", () => "ready");
        app.MapMetrics();
        app.MapGet("/v1/models", () => Results.Json(new { data = Array.Empty<string>() }));
        app.MapPost("/v1/chat/completions", Complete);
        app.MapPut("/admin/router/strategy", () => Results.Json(new { strategy = "hybrid" }));
    }

    private static IResult Complete(HttpContext context)
    {
        if (long.TryParse(context.Request.Headers["X-Test-Tokens"], out var tokens))
        {
            RateLimitUsage.ReportTokens(context, tokens);
        }

        var identity = ClientIdentity.Get(context);
        return Results.Json(new { owner = identity.Owner, admin = identity.IsAdmin });
    }
}
