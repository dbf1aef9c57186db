using System.Net;
using System.Net.Http.Headers;
using static LocalOpenAi.Tests.Server.Caching.CacheRequests;

namespace LocalOpenAi.Tests.Server.Caching;

/// <summary>Each API-key owner has their own cache entries: one tenant's answer is never another's hit.</summary>
[Collection(CacheTestCollection.Name)]
public sealed class CacheTenantIsolationTests(TenantServerFixture server) : IClassFixture<TenantServerFixture>
{
    [Fact]
    public async Task Alice_cached_answer_is_not_a_hit_for_bob()
    {
        var json = Chat(Unique("tenant"));

        var alice = await SendAsync(server.Http, ChatPath, json, As(TenantServerFixture.AliceKey));
        var aliceAgain = await SendAsync(server.Http, ChatPath, json, As(TenantServerFixture.AliceKey));
        var bob = await SendAsync(server.Http, ChatPath, json, As(TenantServerFixture.BobKey));
        var bobAgain = await SendAsync(server.Http, ChatPath, json, As(TenantServerFixture.BobKey));
        var anonymous = await SendAsync(server.Http, ChatPath, json);

        Assert.Equal((HttpStatusCode.OK, "MISS"), (alice.Status, alice.Cache));
        Assert.Equal((HttpStatusCode.OK, "HIT"), (aliceAgain.Status, aliceAgain.Cache));
        Assert.Equal((HttpStatusCode.OK, "MISS", "local"), (bob.Status, bob.Cache, bob.Route));
        Assert.Equal((HttpStatusCode.OK, "HIT"), (bobAgain.Status, bobAgain.Cache));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
        Assert.Null(anonymous.Cache);
    }

    [Fact]
    public async Task A_client_key_whose_owner_is_labelled_admin_does_not_read_the_admin_keys_answers()
    {
        var json = Chat(Unique("labelled-admin"));

        var admin = await SendAsync(server.Http, ChatPath, json, As(TenantServerFixture.AdminKey));
        var adminAgain = await SendAsync(server.Http, ChatPath, json, As(TenantServerFixture.AdminKey));
        var labelled = await SendAsync(server.Http, ChatPath, json, As(TenantServerFixture.LabelledAdminKey));

        Assert.Equal((HttpStatusCode.OK, "MISS"), (admin.Status, admin.Cache));
        Assert.Equal((HttpStatusCode.OK, "HIT"), (adminAgain.Status, adminAgain.Cache));
        Assert.Equal((HttpStatusCode.OK, "MISS"), (labelled.Status, labelled.Cache));
    }

    private static Action<HttpRequestHeaders> As(string key) => headers => headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
}
