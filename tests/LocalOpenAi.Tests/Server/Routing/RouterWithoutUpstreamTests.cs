using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server.Routing;

/// <summary>Without an upstream every request is answered locally, and the router endpoints say so.</summary>
[Collection(ServerCollection.Name)]
public sealed class RouterWithoutUpstreamTests(ServerFixture server)
{
    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task Status_reports_local_only()
    {
        var status = (await server.Http.GetFromJsonAsync<JsonObject>("router/status"))!;

        Assert.Equal("local_only", status["strategy"]!.GetValue<string>());
        Assert.Equal("not_configured", status["cloud"]!["circuit"]!.GetValue<string>());
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task Classify_routes_a_complex_request_locally_and_says_there_is_no_upstream()
    {
        using var response = await server.Http.PostAsJsonAsync("router/classify", new { prompt = RoutingPrompts.Complex });
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal("complex", body["complexity"]!.GetValue<string>());
        Assert.Equal("local", body["route"]!.GetValue<string>());
        Assert.Contains(body["reasons"]!.AsArray(), reason => reason!.GetValue<string>().StartsWith("no upstream configured", StringComparison.Ordinal));
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task A_strategy_that_needs_the_cloud_is_refused()
    {
        using var hybrid = await server.Http.PutAsJsonAsync("admin/router/strategy", new { strategy = "hybrid" });
        using var local = await server.Http.PutAsJsonAsync("admin/router/strategy", new { strategy = "local_only" });

        Assert.Equal(HttpStatusCode.BadRequest, hybrid.StatusCode);
        Assert.Contains("no upstream configured", await hybrid.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, local.StatusCode);
    }
}
