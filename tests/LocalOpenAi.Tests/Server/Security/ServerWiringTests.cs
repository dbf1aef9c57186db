using System.ClientModel;
using System.Net;
using LocalOpenAi.Tests.Support;
using OpenAI;
using OpenAI.Chat;

namespace LocalOpenAi.Tests.Server.Security;

/// <summary>The real server (<c>ServerApplication.Build</c>) with <c>--api-key</c> flags: the security pipeline is wired in.</summary>
public sealed class ServerWiringTests(ServerWiringTests.KeyedServerFixture server) : IClassFixture<ServerWiringTests.KeyedServerFixture>
{
    [Fact]
    public async Task Generation_endpoints_need_a_key_and_probes_do_not()
    {
        using var models = await server.Http.GetAsync("v1/models");
        using var health = await server.Http.GetAsync("health");
        using var ready = await server.Http.GetAsync("ready");

        Assert.Equal(HttpStatusCode.Unauthorized, models.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task Repeated_api_key_flags_all_work_and_client_keys_are_not_admin()
    {
        foreach (var key in (string[])[SecurityTestHost.ClientKey, SecurityTestHost.SecondKey])
        {
            using var request = SecurityTestHost.Request(HttpMethod.Get, "v1/models", key);
            using var response = await server.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.Contains("x-ratelimit-remaining-requests"));
        }

        using var admin = SecurityTestHost.Request(HttpMethod.Put, "admin/router/strategy", SecurityTestHost.ClientKey);
        Assert.Equal(HttpStatusCode.Forbidden, (await server.Http.SendAsync(admin)).StatusCode);
    }

    [Fact]
    public async Task The_OpenAI_SDK_works_with_a_key_and_fails_without_one()
    {
        ChatClient Client(string key) => new OpenAIClient(new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri(server.BaseAddress, "v1") })
            .GetChatClient(ServerFixture.ModelAlias);
        var options = new ChatCompletionOptions { MaxOutputTokenCount = 4 };

        var completion = await Client(SecurityTestHost.ClientKey).CompleteChatAsync([new UserChatMessage("hi")], options);
        var refused = await Assert.ThrowsAsync<ClientResultException>(() => Client("sk-wrong-0000000000").CompleteChatAsync([new UserChatMessage("hi")], options));

        Assert.NotNull(completion.Value.Id);
        Assert.Equal(401, refused.Status);
    }

    public sealed class KeyedServerFixture : ServerFixture
    {
        protected override IEnumerable<string> ExtraArguments =>
        [
            "--api-key", $"{SecurityTestHost.ClientKey} alice", "--api-key", SecurityTestHost.SecondKey,
            $"--Security:AdminKey={SecurityTestHost.AdminKey}", "--RateLimits:RequestLimit=1000",
        ];
    }
}
