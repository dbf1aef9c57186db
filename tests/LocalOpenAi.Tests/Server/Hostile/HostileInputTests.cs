using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server.Hostile;

/// <summary>
/// Issue 16's hostile-input classes (grammars, schemas, wrong types, out-of-range values): each gets
/// its exact status and <c>param</c>, and the server answers <c>/health</c> and a plain request after it.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class HostileInputTests(ServerFixture server)
{
    [Fact]
    public void There_are_at_least_three_hundred_hostile_cases() =>
        Assert.True(HostileCases.InProcess.Count + HostileCases.Crashing.Count + HostileCases.Embeddings.Count >= 300);

    [Theory]
    [MemberData(nameof(HostileCases.InProcessNames), MemberType = typeof(HostileCases))]
    public async Task A_hostile_request_gets_its_exact_answer_and_the_server_keeps_serving(string name)
    {
        await HostileRequest.AssertAnsweredAsync(server.Http, HostileCases.InProcess[name]);
        await HostileRequest.AssertStillServingAsync(server.Http);
    }
}
