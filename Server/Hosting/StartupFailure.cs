using LocalOpenAi.Server.Commands;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace LocalOpenAi.Server.Hosting;

/// <summary>An expected reason the server did not start, said in one line.</summary>
internal sealed record StartupFailure(string Message, int ExitCode)
{
    /// <summary>The failure an exception from building or starting the host stands for, or null for a bug (which keeps its stack trace).</summary>
    public static StartupFailure? Describe(Exception exception) => exception switch
    {
        OptionsValidationException invalid => new($"invalid configuration: {string.Join(" ", invalid.Failures)}", ExitCodes.UsageError),
        CommandLineException invalid => new(invalid.Message, ExitCodes.UsageError),
        IOException { InnerException: AddressInUseException } inUse => new($"{inUse.Message} (choose another port with --port)", 1),
        AggregateException { InnerExceptions: [var inner] } => Describe(inner),
        _ => null,
    };
}
