using System.Globalization;
using System.Net;
using System.Net.Sockets;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server.Cli;

/// <summary>
/// appsettings.json in the current folder, then LOCALOPENAI__ variables, then flags: a later one wins. Each
/// run sets an invalid <c>Inference:Parallel</c> (0) in one place and a valid one in a later place, on a port
/// that is taken: exit 2 means the invalid value won, exit 1 (the port) that the later place did.
/// </summary>
public sealed class ConfigurationPrecedenceTests : IDisposable
{
    private const string InvalidParallel = """{ "Inference": { "Parallel": 0 } }""";
    private const string ParallelVariable = "LOCALOPENAI__INFERENCE__PARALLEL";

    private readonly string _directory = Directory.CreateTempSubdirectory("localopenai-config-").FullName;
    private readonly TcpListener _taken = new(IPAddress.Loopback, 0);

    public ConfigurationPrecedenceTests() => _taken.Start();

    public void Dispose()
    {
        _taken.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Appsettings_json_in_the_current_folder_is_read()
    {
        await File.WriteAllTextAsync(Path.Combine(_directory, "appsettings.json"), InvalidParallel);

        var run = await RunAsync(new Dictionary<string, string>());

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Parallel", run.Error);
    }

    [Fact]
    public async Task The_environment_wins_over_appsettings_json()
    {
        await File.WriteAllTextAsync(Path.Combine(_directory, "appsettings.json"), InvalidParallel);

        var run = await RunAsync(new Dictionary<string, string> { [ParallelVariable] = "2" });

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("in use", run.Error);
    }

    [Fact]
    public async Task Flags_win_over_the_environment()
    {
        var invalid = await RunAsync(new Dictionary<string, string> { [ParallelVariable] = "0" });
        var overridden = await RunAsync(new Dictionary<string, string> { [ParallelVariable] = "0" }, "--parallel", "2");

        Assert.Equal(2, invalid.ExitCode);
        Assert.Equal(1, overridden.ExitCode);
    }

    private Task<ServerProcessRun> RunAsync(Dictionary<string, string> environment, params string[] args)
    {
        var port = ((IPEndPoint)_taken.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
        return ServerProcessRun.RunAsync(_directory, environment, ["--model", TestModels.TinyPath, "--port", port, .. args]);
    }
}
