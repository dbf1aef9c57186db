using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LocalOpenAi.Router.Calibration;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server.Routing;

/// <summary>Ratings of local answers move their agent's routing score, and <c>/router/status</c> shows it.</summary>
[Collection(ShadowCollection.Name)]
public sealed class FeedbackCalibrationRoutingTests(ShadowBench bench)
{
    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task A_poor_rating_of_a_local_answer_raises_its_agents_score_by_one_step()
    {
        var agent = "calibrated-" + Guid.NewGuid().ToString("N")[..8];
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions")
        {
            Content = JsonContent.Create(new { messages = new[] { new { role = "user", content = "Where is my parcel?" } }, max_tokens = 4, temperature = 0.5 }),
        };
        request.Headers.Add("X-Agent-Name", agent);
        request.Headers.Add("X-Route-Prefer", "local");
        using var answer = await bench.Edge.Http.SendAsync(request);
        var requestId = answer.Headers.GetValues("X-Request-Id").Single();

        using var feedback = await bench.Edge.Http.PostAsJsonAsync("feedback", new { request_id = requestId, rating = 1 });
        var calibration = JsonNode.Parse(await bench.Edge.Http.GetStringAsync("router/status"))!["calibration"]!;

        Assert.Equal("local", answer.Headers.GetValues("X-Route").Single());
        Assert.Equal(HttpStatusCode.Accepted, feedback.StatusCode);
        Assert.Equal((double)FeedbackCalibration.Step, calibration[agent]!.GetValue<double>(), precision: 6);
    }
}
