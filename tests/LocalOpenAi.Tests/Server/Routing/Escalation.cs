using System.Net;
using System.Text.Json.Nodes;

namespace LocalOpenAi.Tests.Server.Routing;

/// <summary>What every <c>local_first</c> escalation looks like from outside: the cloud answered, said why, and the metric counted it.</summary>
internal static class Escalation
{
    public static async Task AssertEscalatedAsync(HttpResponseMessage response, string reason, CloudEdgeBench bench, int cloudCallsBefore)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("cloud", response.Header("X-Route"));
        Assert.Equal($"local answer failed its check ({reason}), escalated to cloud", response.Header("X-Route-Reason"));
        Assert.True(bench.Proxy.RequestCount > cloudCallsBefore, "the cloud was asked");
        Assert.Equal("chat.completion", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["object"]!.GetValue<string>());
        Assert.Contains($"localopenai_router_escalations_total{{reason=\"{reason}\"}}", await bench.Edge.Http.GetStringAsync("metrics"), StringComparison.Ordinal);
    }
}
