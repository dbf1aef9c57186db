namespace LocalOpenAi.Server.Commands;

/// <summary>Bad command-line arguments or configuration: printed as one line without a stack trace, exit code 2.</summary>
internal sealed class CommandLineException(string message) : Exception(message);
