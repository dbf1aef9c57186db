using System.Net;
using System.Text.Json.Nodes;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server.Routing;

/// <summary>
/// Under <c>local_first</c> with <c>Router:MinMeanLogprob</c> the local engine computes logprobs for the check; an
/// answer that passes is sent as the client asked for it: without logprobs unless it asked for them.
/// </summary>
[Collection(LenientLocalCollection.Name)]
public sealed class MeasuredLogprobsTests(LenientLocalBench bench)
{
    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task A_client_that_did_not_ask_for_logprobs_gets_none()
    {
        var calls = bench.Proxy.RequestCount;

        using var response = await bench.ChatAsync(HybridRouterBench.SmallJsonChat(RoutingPrompts.Greeting));
        var choice = await LocalChoiceAsync(response, calls);

        Assert.Null(choice["logprobs"]);
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task A_client_that_asked_for_logprobs_still_gets_them()
    {
        var body = HybridRouterBench.SmallJsonChat(RoutingPrompts.Greeting);
        body["logprobs"] = true;
        var calls = bench.Proxy.RequestCount;

        using var response = await bench.ChatAsync(body);
        var choice = await LocalChoiceAsync(response, calls);

        Assert.NotEmpty(choice["logprobs"]!["content"]!.AsArray());
    }

    private async Task<JsonNode> LocalChoiceAsync(HttpResponseMessage response, int cloudCallsBefore)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("local", response.Header("X-Route"));
        Assert.Equal(cloudCallsBefore, bench.Proxy.RequestCount);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["choices"]![0]!;
    }
}
