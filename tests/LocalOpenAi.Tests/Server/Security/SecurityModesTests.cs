using System.Net;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server.Security;

public sealed class SecurityModesTests
{
    [Fact]
    public async Task Without_keys_everything_is_open_and_a_warning_is_logged()
    {
        await using var host = await SecurityTestHost.StartAsync();

        using var client = await host.SendAsync(HttpMethod.Post, "v1/chat/completions");
        using var admin = await host.SendAsync(HttpMethod.Put, "admin/router/strategy");

        Assert.Equal(HttpStatusCode.OK, client.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Single(host.Logs.Lines, line => line.StartsWith("Warning", StringComparison.Ordinal) && line.Contains("open"));
    }

    [Fact]
    public async Task Metrics_can_require_a_key()
    {
        await using var host = await SecurityTestHost.StartAsync(SecurityTestHost.WithKeys("Security:MetricsRequireKey=true"));

        using var anonymous = await host.SendAsync(HttpMethod.Get, "metrics");
        using var keyed = await host.SendAsync(HttpMethod.Get, "metrics", SecurityTestHost.ClientKey);
        using var health = await host.SendAsync(HttpMethod.Get, "health");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, keyed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Keys_come_from_a_key_file_with_comments_and_owners()
    {
        using var keys = ScratchFile.InTemp("keys", ".txt", "# tenants\n\nsk-file-key-aaaaaaaaaaaaaaaa  bob  # the bob team\n");
        await using var host = await SecurityTestHost.StartAsync($"Security:ApiKeyFile={keys.Path}");

        using var keyed = await host.SendAsync(HttpMethod.Post, "v1/chat/completions", "sk-file-key-aaaaaaaaaaaaaaaa");
        using var anonymous = await host.SendAsync(HttpMethod.Post, "v1/chat/completions");

        Assert.Equal(HttpStatusCode.OK, keyed.StatusCode);
        Assert.Contains("\"owner\":\"bob\"", await keyed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Cors_headers_only_for_configured_origins()
    {
        await using var open = await SecurityTestHost.StartAsync();
        await using var cors = await SecurityTestHost.StartAsync(SecurityTestHost.WithKeys("Cors:AllowedOrigins:0=https://app.example.com"));

        using var noCors = await PreflightAsync(open, "https://app.example.com");
        using var allowed = await PreflightAsync(cors, "https://app.example.com");
        using var other = await PreflightAsync(cors, "https://evil.example.com");

        Assert.False(noCors.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal("https://app.example.com", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static Task<HttpResponseMessage> PreflightAsync(SecurityTestHost host, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "v1/chat/completions");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return host.Http.SendAsync(request);
    }
}
