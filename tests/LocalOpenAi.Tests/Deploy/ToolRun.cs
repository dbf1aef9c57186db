namespace LocalOpenAi.Tests.Deploy;

/// <summary>What an external tool printed and how it exited.</summary>
internal sealed record ToolRun(int ExitCode, string Output, string Error)
{
    public string Everything => Output + Error;
}
