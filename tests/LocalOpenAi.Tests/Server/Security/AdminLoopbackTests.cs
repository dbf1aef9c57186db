using System.Net;
using System.Text.Json;

namespace LocalOpenAi.Tests.Server.Security;

/// <summary>With no key configured the server is open, but <c>/admin/*</c> answers only clients on this machine.</summary>
public sealed class AdminLoopbackTests
{
    private const string Remote = "203.0.113.7";

    [Fact]
    public async Task An_open_server_refuses_admin_calls_from_another_machine()
    {
        await using var host = await SecurityTestHost.StartAsync();

        using var local = await host.SendAsync(HttpMethod.Put, "admin/router/strategy");
        using var remote = await host.Http.SendAsync(FromRemote(HttpMethod.Put, "admin/router/strategy"));
        using var remoteClient = await host.Http.SendAsync(FromRemote(HttpMethod.Post, "v1/chat/completions"));

        Assert.Equal(HttpStatusCode.OK, local.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, remote.StatusCode);
        var error = JsonDocument.Parse(await remote.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal("permission_error", error.GetProperty("type").GetString());
        Assert.Contains("--admin-key", error.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.OK, remoteClient.StatusCode);
    }

    [Fact]
    public async Task With_an_admin_key_remote_admin_calls_need_only_the_key()
    {
        await using var host = await SecurityTestHost.StartAsync($"Security:AdminKey={SecurityTestHost.AdminKey}");

        using var keyed = await host.Http.SendAsync(FromRemote(HttpMethod.Put, "admin/router/strategy", SecurityTestHost.AdminKey));
        using var anonymous = await host.Http.SendAsync(FromRemote(HttpMethod.Put, "admin/router/strategy"));

        Assert.Equal(HttpStatusCode.OK, keyed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    private static HttpRequestMessage FromRemote(HttpMethod method, string path, string? bearer = null)
    {
        var request = SecurityTestHost.Request(method, path, bearer);
        request.Headers.Add(SecurityTestHost.RemoteAddressHeader, Remote);
        return request;
    }
}
