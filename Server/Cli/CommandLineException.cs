namespace LocalOpenAi.Server.Cli;

/// <summary>Bad command-line arguments: printed without a stack trace, exit code 2.</summary>
public sealed class CommandLineException(string message) : Exception(message);
