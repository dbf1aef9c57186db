using System.CommandLine;

namespace LocalOpenAi.Server.Commands;

/// <summary>
/// A subcommand of the server's command line. <c>ServerCommandLine</c> finds every implementation
/// in this assembly, so adding a subcommand is adding one file.
/// </summary>
/// <remarks>Implementations need a public parameterless constructor. Output goes to <c>parseResult.InvocationConfiguration.Output</c> and <c>.Error</c>.</remarks>
internal interface ICliCommand
{
    /// <summary>A fresh command with its options and its action.</summary>
    Command Create();
}
