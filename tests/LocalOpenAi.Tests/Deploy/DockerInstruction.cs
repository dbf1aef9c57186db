using System.Text.Json;

namespace LocalOpenAi.Tests.Deploy;

/// <summary>One Dockerfile instruction with its continuation lines joined.</summary>
/// <param name="Keyword">Upper-case, e.g. <c>RUN</c>.</param>
/// <param name="Arguments">Everything after the keyword, flags included.</param>
/// <param name="Line">1-based line where the instruction starts.</param>
internal sealed record DockerInstruction(string Keyword, string Arguments, int Line)
{
    /// <summary>Leading <c>--name=value</c> flags (COPY --from, HEALTHCHECK --interval, FROM --platform).</summary>
    public IReadOnlyDictionary<string, string> Flags => SplitFlags().Flags;

    /// <summary>The arguments after the leading flags.</summary>
    public string Body => SplitFlags().Body;

    /// <summary>Whether the body is a JSON array (exec form).</summary>
    public bool IsExecForm => Body.StartsWith('[');

    /// <summary>The exec-form array; throws when the body is not valid JSON.</summary>
    public IReadOnlyList<string> ExecArguments => JsonSerializer.Deserialize<string[]>(Body)
        ?? throw new FormatException($"line {Line}: {Keyword} has no JSON array.");

    private (Dictionary<string, string> Flags, string Body) SplitFlags()
    {
        var flags = new Dictionary<string, string>(StringComparer.Ordinal);
        var rest = Arguments.TrimStart();
        while (rest.StartsWith("--", StringComparison.Ordinal))
        {
            var end = rest.IndexOf(' ', StringComparison.Ordinal);
            var flag = end < 0 ? rest : rest[..end];
            var equals = flag.IndexOf('=', StringComparison.Ordinal);
            flags[equals < 0 ? flag[2..] : flag[2..equals]] = equals < 0 ? string.Empty : flag[(equals + 1)..];
            rest = end < 0 ? string.Empty : rest[(end + 1)..].TrimStart();
        }

        return (flags, rest);
    }
}
