using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server.Hostile;

/// <summary>
/// Inputs that once crashed or hung the process (a 25,000-link <c>$ref</c> chain, <c>[b-a]</c>, tens of
/// thousands of nested parentheses), sent to a server in a process of its own: a regression kills
/// that process and fails these tests, not the test run.
/// </summary>
public sealed class CrashingInputTests(ServerProcessFixture server) : IClassFixture<ServerProcessFixture>
{
    [Theory]
    [MemberData(nameof(HostileCases.CrashingNames), MemberType = typeof(HostileCases))]
    public async Task An_input_that_once_crashed_the_process_is_a_400_and_the_process_lives(string name)
    {
        Assert.False(server.HasExited, $"the server process had already exited:\n{server.Output}");

        await HostileRequest.AssertAnsweredAsync(server.Http, HostileCases.Crashing[name]);

        Assert.False(server.HasExited, $"the server process died on '{name}':\n{server.Output}");
        await HostileRequest.AssertStillServingAsync(server.Http);
    }
}
