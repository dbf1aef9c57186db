using System.Net;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server;

[Collection(ServerCollection.Name)]
public sealed class HealthTests(ServerFixture server)
{
    [Fact]
    public async Task Health_and_ready_answer_200_once_the_model_is_loaded()
    {
        Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync("health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync("ready")).StatusCode);
    }

    [Fact]
    public async Task Every_response_carries_a_request_id()
    {
        var response = await server.Http.GetAsync("health");

        Assert.True(response.Headers.TryGetValues("X-Request-Id", out var ids));
        Assert.Matches("^[0-9a-f]{24}$", ids.Single());
    }
}
