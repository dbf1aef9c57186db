namespace LocalOpenAi.Server.Commands;

/// <summary>The process exit codes the commands share.</summary>
internal static class ExitCodes
{
    /// <summary>A usage error: an unknown option, a missing or malformed value (as most CLIs use 2).</summary>
    public const int UsageError = 2;
}
