using System.Diagnostics;

namespace LocalOpenAi.Tests.Support;

/// <summary>Compiles small C programs and libraries with the machine's gcc, for checks against native code.</summary>
public static class NativeCompiler
{
    public static void Compile(string source, string output, params string[] extraArguments)
    {
        var sourcePath = Path.ChangeExtension(output, ".c");
        File.WriteAllText(sourcePath, source);
        var start = new ProcessStartInfo("gcc") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in extraArguments.Concat(["-o", output, sourcePath]))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"gcc failed: {errors}");
    }

    public static string Run(string executable)
    {
        using var process = Process.Start(new ProcessStartInfo(executable) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return output;
    }
}
