using System.Text;
using System.Text.Json.Nodes;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server.Routing;

/// <summary>
/// Claude as the cloud, end to end over the real wire format both ways: a second LocalOpenAi server
/// answers <c>/v1/messages</c> as the Anthropic upstream, a <see cref="FaultProxy"/> sits in front of it,
/// and the edge under test (<c>Upstream:Kind=anthropic</c>) translates chat requests into Messages requests
/// and the answers back.
/// </summary>
public sealed class ClaudeRouterBench : CloudEdgeBench
{
    public const string CloudAlias = "claude-sonnet";

    public async Task<HttpResponseMessage> PostAsync(string path, JsonObject body, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        using var timeout = new CancellationTokenSource(RequestBound);
        return await Edge.Http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
    }

    protected override Task<ServerFixture> CreateEdgeAsync(Uri upstream) => Task.FromResult<ServerFixture>(new ClaudeEdgeServer(upstream));

    private sealed class ClaudeEdgeServer(Uri upstream) : ServerFixture
    {
        protected override IEnumerable<string> ExtraArguments =>
        [
            "--upstream-url", upstream.ToString().TrimEnd('/'), "--upstream-key", "sk-ant-test-secret", "--strategy", "hybrid",
            "--Upstream:Kind=anthropic", $"--Router:UpstreamAliases:{CloudAlias}={ModelAlias}", $"--Upstream:ModelMap:{CloudAlias}={ModelAlias}",
            "--Upstream:ReadTimeout=00:00:10", "--Upstream:MaxRetries=0", "--Upstream:CircuitMinimumThroughput=100000", "--Cache:Enabled=false", "--threads", "1",
        ];
    }
}

/// <summary>The Claude routing tests share one cloud + proxy + edge and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class ClaudeRouterCollection : ICollectionFixture<ClaudeRouterBench>
{
    public const string Name = "claude-router";
}
