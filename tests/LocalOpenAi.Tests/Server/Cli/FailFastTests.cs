using System.Net;
using System.Net.Sockets;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server.Cli;

/// <summary>Start-up problems end the real process with one line on stderr, a non-zero exit and no stack trace.</summary>
public sealed class FailFastTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("localopenai-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_missing_model_file_is_named_relative_to_the_current_folder()
    {
        var run = await ServerProcessRun.RunAsync(_directory, "--model", "missing.gguf", "--port", "0");

        Assert.Equal(2, run.ExitCode);
        AssertOneLine(run, $"error: --model missing.gguf: no such file ({Path.Combine(_directory, "missing.gguf")})");
    }

    [Fact]
    public async Task A_file_that_is_not_gguf_is_refused()
    {
        await File.WriteAllTextAsync(Path.Combine(_directory, "notes.gguf"), "not a model");

        var run = await ServerProcessRun.RunAsync(_directory, "--model", "notes.gguf", "--port", "0");

        Assert.Equal(2, run.ExitCode);
        AssertOneLine(run, $"error: --model notes.gguf: {Path.Combine(_directory, "notes.gguf")} is not a GGUF file");
    }

    [Fact]
    public async Task A_gguf_file_llama_cpp_cannot_load_ends_the_process_after_start()
    {
        var path = Path.Combine(_directory, "truncated.gguf");
        var whole = await File.ReadAllBytesAsync(TestModels.TinyPath);
        await File.WriteAllBytesAsync(path, whole[..(whole.Length / 3)]);

        var run = await ServerProcessRun.RunAsync(_directory, "--model", "truncated.gguf", "--port", "0");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error: --model truncated.gguf: the model did not load (", run.Error);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", run.Output);
    }

    [Fact]
    public async Task A_port_in_use_is_one_line_and_exit_code_1()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var run = await ServerProcessRun.RunAsync(_directory, "--model", TestModels.TinyPath, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(1, run.ExitCode);
        AssertOneLine(run, $"error: cannot listen on 127.0.0.1:{port}: the address is in use by another process (choose another with --port)");
    }

    [Theory]
    [InlineData("--parallel", "0")]
    [InlineData("--Server:Port=eighty")]
    [InlineData("--Router:Strategy=cheapest")]
    [InlineData("--Security:AdminKey=has space")]
    public async Task Invalid_configuration_is_one_line_and_exit_code_2(params string[] args)
    {
        var run = await ServerProcessRun.RunAsync(_directory, ["--model", TestModels.TinyPath, "--port", "0", .. args]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: invalid", run.Error);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", run.Output + run.Error);
    }

    [Fact]
    public async Task Make_model_writes_a_relative_path_into_the_current_folder()
    {
        var run = await ServerProcessRun.RunAsync(_directory, "make-model", "--out", "my.gguf");

        Assert.Equal(0, run.ExitCode);
        Assert.True(File.Exists(Path.Combine(_directory, "my.gguf")));
    }

    private static void AssertOneLine(ServerProcessRun run, string expected)
    {
        Assert.Equal(expected, run.Error.Trim());
        Assert.DoesNotContain("   at ", run.Output);
    }
}
