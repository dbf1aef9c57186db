using System.Diagnostics;
using LocalOpenAi.Server.Cli;

namespace LocalOpenAi.Tests.Support;

/// <summary>The real server executable, run in a process of its own as <c>dotnet LocalOpenAi.Server.dll ARGS</c>.</summary>
internal static class ServerExecutable
{
    /// <summary>How to start it with <paramref name="args"/>, its output and errors redirected.</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])[typeof(ServerCommandLine).Assembly.Location, .. args])
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }
}
