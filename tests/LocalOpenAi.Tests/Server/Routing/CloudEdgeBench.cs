using System.Text;
using System.Text.Json.Nodes;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server.Routing;

/// <summary>
/// A cloud (a second LocalOpenAi server), a <see cref="FaultProxy"/> in front of it, and an edge server under
/// test pointed at the proxy: the shape every end-to-end routing bench shares. A bench says how its edge is configured.
/// </summary>
public abstract class CloudEdgeBench : IAsyncLifetime
{
    /// <summary>The bound on every single request a test sends; faults must end well within it.</summary>
    public static readonly TimeSpan RequestBound = TimeSpan.FromSeconds(30);

    public ServerFixture Cloud { get; } = new();

    public FaultProxy Proxy { get; private set; } = null!;

    public ServerFixture Edge { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Cloud.InitializeAsync();
        Proxy = await FaultProxy.StartAsync(Cloud.BaseAddress);
        Edge = await CreateEdgeAsync(new Uri(Proxy.BaseAddress, "v1"));
        await Edge.InitializeAsync();
    }

    public virtual async Task DisposeAsync()
    {
        if (Edge is not null)
        {
            await Edge.DisposeAsync();
        }

        if (Proxy is not null)
        {
            await Proxy.DisposeAsync();
        }

        await Cloud.DisposeAsync();
    }

    /// <summary>Posts to the edge's <c>/v1/chat/completions</c> with the given request headers; the whole answer is read.</summary>
    public async Task<HttpResponseMessage> ChatAsync(JsonObject body, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions")
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        using var timeout = new CancellationTokenSource(RequestBound);
        return await Edge.Http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
    }

    /// <summary>The edge under test, its upstream URL being the proxy's.</summary>
    protected abstract Task<ServerFixture> CreateEdgeAsync(Uri upstream);
}
