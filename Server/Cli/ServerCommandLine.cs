using System.CommandLine;
using System.CommandLine.Invocation;
using LocalOpenAi.Server.Commands;

namespace LocalOpenAi.Server.Cli;

/// <summary>The process entry: <c>serve</c> (the default when no subcommand is named) or another subcommand.</summary>
internal static class ServerCommandLine
{
    /// <summary>Exit code for a usage error: an unknown option, a missing or malformed value.</summary>
    public const int UsageError = ExitCodes.UsageError;

    private static readonly string[] RootOnly = ["--help", "-h", "-?", "--version"];

    public static Task<int> RunAsync(string[] args) => InvokeAsync(args, Console.Out, Console.Error);

    /// <summary>Parses and runs <paramref name="args"/>; usage errors are printed with suggestions and give exit code 2.</summary>
    public static async Task<int> InvokeAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var root = CreateRoot();
        var result = root.Parse(WithDefaultCommand(root, args), new ParserConfiguration { EnablePosixBundling = false });
        if (result.Action is ParseErrorAction parseError)
        {
            parseError.ShowHelp = false;
            parseError.ShowTypoCorrections = false;
            await result.InvokeAsync(new InvocationConfiguration { Output = error, Error = error }, cancellationToken);
            foreach (var suggestion in TypoSuggestions.For(result))
            {
                await error.WriteLineAsync(suggestion);
            }

            var command = result.CommandResult.Command is RootCommand ? root.Name : $"{root.Name} {result.CommandResult.Command.Name}";
            await error.WriteLineAsync($"Run '{command} --help' to see every option with its default.");
            return UsageError;
        }

        // Without the default handler a bug keeps its stack trace; expected failures are handled by each command.
        return await result.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }, cancellationToken);
    }

    private static RootCommand CreateRoot()
    {
        var root = new RootCommand("LocalOpenAi: an OpenAI-compatible local inference server and hybrid proxy. Without a command, it runs 'serve'.");
        foreach (var command in typeof(ServerCommandLine).Assembly.GetTypes()
                     .Where(type => type is { IsClass: true, IsAbstract: false } && type.IsAssignableTo(typeof(ICliCommand)))
                     .Select(type => ((ICliCommand)Activator.CreateInstance(type)!).Create())
                     .OrderBy(command => command.Name == ServeCommand.Name ? "" : command.Name, StringComparer.Ordinal))
        {
            root.Add(command);
        }

        return root;
    }

    /// <summary>
    /// Puts <c>serve</c> in front unless another subcommand is named or root help or the version is asked
    /// for alone (so <c>--version --port 1</c> is an error, not a server), and rewrites <c>serve</c>'s
    /// free-form arguments (<see cref="ServeArguments"/>).
    /// </summary>
    private static IReadOnlyList<string> WithDefaultCommand(RootCommand root, IReadOnlyList<string> args) => args switch
    {
        [ServeCommand.Name, ..] => [ServeCommand.Name, .. ServeArguments.Normalize([.. args.Skip(1)])],
        [var only] when RootOnly.Contains(only) => args,
        [var first, ..] when root.Subcommands.Any(command => command.Name == first) => args,
        _ => [ServeCommand.Name, .. ServeArguments.Normalize(args)],
    };
}
