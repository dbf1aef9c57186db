using System.Net;
using System.Text.Json;

namespace LocalOpenAi.Tests.Server.Security;

public sealed class ApiKeyAuthenticationTests : IAsyncLifetime
{
    private SecurityTestHost _host = null!;

    public async Task InitializeAsync() => _host = await SecurityTestHost.StartAsync(SecurityTestHost.WithKeys());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task No_key_is_401_authentication_error_with_WWW_Authenticate()
    {
        using var response = await _host.SendAsync(HttpMethod.Post, "v1/chat/completions");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        var error = await ErrorAsync(response);
        Assert.Equal("authentication_error", error.GetProperty("type").GetString());
        Assert.Equal("invalid_api_key", error.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Wrong_key_is_401_and_the_key_is_not_echoed()
    {
        const string wrong = "sk-wrong-key-0000000000000000";
        using var response = await _host.SendAsync(HttpMethod.Get, "v1/models", wrong);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(wrong, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_paths_get_401_before_routing()
    {
        using var response = await _host.SendAsync(HttpMethod.Get, "no/such/path");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("api_key")]
    [InlineData("key")]
    public async Task Key_in_the_query_string_is_refused_and_not_echoed(string name)
    {
        using var response = await _host.SendAsync(HttpMethod.Get, $"v1/models?{name}={SecurityTestHost.ClientKey}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("query string", body);
        Assert.DoesNotContain(SecurityTestHost.ClientKey, body);
    }

    [Fact]
    public async Task Client_key_is_accepted_and_exposes_its_owner()
    {
        using var response = await _host.SendAsync(HttpMethod.Post, "v1/chat/completions", SecurityTestHost.ClientKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("alice", json.RootElement.GetProperty("owner").GetString());
        Assert.False(json.RootElement.GetProperty("admin").GetBoolean());
    }

    [Fact]
    public async Task A_key_without_an_owner_is_named_by_its_hash_prefix()
    {
        using var response = await _host.SendAsync(HttpMethod.Post, "v1/chat/completions", SecurityTestHost.SecondKey);

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var owner = json.RootElement.GetProperty("owner").GetString()!;
        Assert.Matches("^key-[0-9a-f]{8}$", owner);
    }

    [Fact]
    public async Task X_api_key_header_is_accepted()
    {
        using var request = SecurityTestHost.Request(HttpMethod.Get, "v1/models");
        request.Headers.Add("x-api-key", SecurityTestHost.ClientKey);
        using var response = await _host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Client_key_on_an_admin_endpoint_is_403_permission_error()
    {
        using var response = await _host.SendAsync(HttpMethod.Put, "admin/router/strategy", SecurityTestHost.ClientKey);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("permission_error", (await ErrorAsync(response)).GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("admin/router/strategy")]
    [InlineData("ADMIN/router/strategy")]
    [InlineData("admin/not-mapped")]
    public async Task Admin_paths_refuse_client_keys_whatever_the_case_or_route(string path)
    {
        using var response = await _host.SendAsync(HttpMethod.Put, path, SecurityTestHost.ClientKey);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Admin_key_works_on_admin_and_client_endpoints()
    {
        using var admin = await _host.SendAsync(HttpMethod.Put, "admin/router/strategy", SecurityTestHost.AdminKey);
        using var client = await _host.SendAsync(HttpMethod.Post, "v1/chat/completions", SecurityTestHost.AdminKey);

        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Equal(HttpStatusCode.OK, client.StatusCode);
    }

    [Theory]
    [InlineData("health")]
    [InlineData("ready")]
    [InlineData("metrics")]
    public async Task Probes_and_metrics_are_open_by_default(string path)
    {
        using var response = await _host.SendAsync(HttpMethod.Get, path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("index.html")]
    [InlineData("api.js")]
    [InlineData("dashboard.css")]
    public async Task The_dashboards_static_files_need_no_key_but_its_data_does(string path)
    {
        using var file = await _host.SendAsync(HttpMethod.Get, path);
        using var data = await _host.SendAsync(HttpMethod.Get, "v1/models");

        Assert.NotEqual(HttpStatusCode.Unauthorized, file.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, data.StatusCode);
    }

    [Fact]
    public async Task Keys_never_appear_in_logs()
    {
        using (await _host.SendAsync(HttpMethod.Get, "v1/models", "sk-wrong-key-1111111111111111"))
        using (await _host.SendAsync(HttpMethod.Get, $"v1/models?api_key={SecurityTestHost.SecondKey}"))
        using (await _host.SendAsync(HttpMethod.Put, "admin/router/strategy", SecurityTestHost.ClientKey))
        using (await _host.SendAsync(HttpMethod.Put, "admin/router/strategy", SecurityTestHost.AdminKey))
        using (await _host.SendAsync(HttpMethod.Post, "v1/chat/completions", SecurityTestHost.ClientKey))
        {
        }

        var logs = string.Join('\n', _host.Logs.Lines);
        Assert.Contains("alice", logs);
        Assert.DoesNotContain("sk-", logs);
    }

    private static async Task<JsonElement> ErrorAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("error").Clone();
    }
}
