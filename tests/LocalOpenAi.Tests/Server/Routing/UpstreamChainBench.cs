using System.Text;
using System.Text.Json.Nodes;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server.Routing;

/// <summary>
/// Two named upstreams in front of one cloud server, each behind its own fault proxy: <c>claude</c> (Anthropic
/// Messages, serving <c>claude-sonnet</c>) and then <c>gpt</c> (OpenAI-compatible, serving <c>gpt-4o</c>), so a
/// fallback chain Claude → GPT can be driven upstream by upstream.
/// </summary>
public sealed class UpstreamChainBench : CloudEdgeBench
{
    public const string ClaudeAlias = "claude-sonnet";
    public const string GptAlias = "gpt-4o";
    public const string ClaudeKeyVariable = "LOCALOPENAI_TEST_CLAUDE_KEY";

    /// <summary>The proxy in front of the second upstream (<c>gpt</c>); <see cref="CloudEdgeBench.Proxy"/> fronts <c>claude</c>.</summary>
    public FaultProxy GptProxy { get; private set; } = null!;

    public async Task<HttpResponseMessage> ChatAsync(string model)
    {
        var body = new JsonObject
        {
            ["model"] = model,
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = "Tell me about the harbour" }),
            ["max_tokens"] = 6,
            ["temperature"] = 0,
        };
        using var timeout = new CancellationTokenSource(RequestBound);
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions") { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        return await Edge.Http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (GptProxy is not null)
        {
            await GptProxy.DisposeAsync();
        }
    }

    protected override async Task<ServerFixture> CreateEdgeAsync(Uri upstream)
    {
        GptProxy = await FaultProxy.StartAsync(Cloud.BaseAddress);
        Environment.SetEnvironmentVariable(ClaudeKeyVariable, "sk-ant-from-environment");
        return new ChainEdgeServer(upstream, new Uri(GptProxy.BaseAddress, "v1"));
    }

    private sealed class ChainEdgeServer(Uri claude, Uri gpt) : ServerFixture
    {
        protected override IEnumerable<string> ExtraArguments =>
        [
            "--strategy", "hybrid", "--Cache:Enabled=false", "--threads", "1",
            $"--Router:UpstreamAliases:{ClaudeAlias}={ClaudeAlias}", $"--Router:UpstreamAliases:{GptAlias}={GptAlias}",
            $"--Upstreams:claude:Url={claude.ToString().TrimEnd('/')}", "--Upstreams:claude:Kind=anthropic",
            $"--Upstreams:claude:KeyEnvironmentVariable={ClaudeKeyVariable}", $"--Upstreams:claude:ModelMap:{ClaudeAlias}={ModelAlias}",
            "--Upstreams:claude:MaxRetries=0", "--Upstreams:claude:CircuitMinimumThroughput=100000",
            $"--Upstreams:gpt:Url={gpt.ToString().TrimEnd('/')}", $"--Upstreams:gpt:ModelMap:{GptAlias}={ModelAlias}", $"--Upstreams:gpt:DefaultModel={ModelAlias}",
            "--Upstreams:gpt:MaxRetries=0", "--Upstreams:gpt:CircuitMinimumThroughput=100000",
        ];
    }
}

/// <summary>The upstream-chain tests share one cloud, two proxies and an edge, and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class UpstreamChainCollection : ICollectionFixture<UpstreamChainBench>
{
    public const string Name = "upstream-chain";
}
