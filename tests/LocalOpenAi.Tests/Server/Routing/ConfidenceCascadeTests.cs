using System.Net;
using LocalOpenAi.Router.Cascade;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server.Routing;

/// <summary>
/// <c>local_first</c> with <c>Router:MinMeanLogprob</c>, end to end with a second server as the cloud: a whole local
/// answer that passes every other check but whose tokens the local model was unsure of is answered by the cloud;
/// a stream is not (its bytes are the client's as they are generated).
/// </summary>
[Collection(UnsureLocalCollection.Name)]
public sealed class ConfidenceCascadeTests(UnsureLocalBench bench)
{
    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task A_well_formed_local_answer_the_model_was_unsure_of_is_answered_by_the_cloud()
    {
        var calls = bench.Proxy.RequestCount;

        using var response = await bench.ChatAsync(HybridRouterBench.SmallJsonChat(RoutingPrompts.Greeting));

        await Escalation.AssertEscalatedAsync(response, AnswerConfidence.LowLogprob, bench, calls);
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task A_stream_is_not_judged_by_its_logprobs_and_stays_local()
    {
        var calls = bench.Proxy.RequestCount;

        using var response = await bench.ChatAsync(HybridRouterBench.Chat(RoutingPrompts.Greeting, maxTokens: 4, stream: true));
        var events = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("local", response.Header("X-Route"));
        Assert.Equal("strategy local_first", response.Header("X-Route-Reason"));
        Assert.EndsWith("data: [DONE]", events.TrimEnd(), StringComparison.Ordinal);
        Assert.DoesNotContain("\"logprobs\":{", events, StringComparison.Ordinal);
        Assert.Equal(calls, bench.Proxy.RequestCount);
    }
}
