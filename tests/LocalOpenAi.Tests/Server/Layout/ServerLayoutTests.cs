namespace LocalOpenAi.Tests.Server.Layout;

/// <summary>The Server project's folders depend on each other one way: no namespace reaches back to one that uses it.</summary>
public sealed class ServerLayoutTests
{
    [Fact]
    public void No_namespace_cycle_inside_Server()
    {
        var cycles = ServerNamespaceGraph.Read().Cycles();

        Assert.True(cycles.Count == 0, "namespace cycles: " + string.Join(" | ", cycles));
    }
}
