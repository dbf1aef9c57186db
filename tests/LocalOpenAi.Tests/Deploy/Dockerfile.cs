using System.Text;
using System.Text.RegularExpressions;

namespace LocalOpenAi.Tests.Deploy;

/// <summary>
/// A small Dockerfile reader: comments, parser directives, backslash continuations (with comment
/// lines inside them dropped, as BuildKit does), stages and the defaults of global ARGs.
/// </summary>
/// <remarks>Heredocs and a custom <c># escape=</c> character are not supported; the project uses neither.</remarks>
internal sealed partial class Dockerfile
{
    private Dockerfile(IReadOnlyList<DockerInstruction> instructions)
    {
        Instructions = instructions;
        var firstFrom = instructions.TakeWhile(instruction => instruction.Keyword != "FROM").ToList();
        GlobalArgs = firstFrom
            .Where(instruction => instruction.Keyword == "ARG")
            .Select(instruction => instruction.Arguments.Split('=', 2))
            .ToDictionary(parts => parts[0].Trim(), parts => parts.Length > 1 ? parts[1].Trim().Trim('"') : string.Empty, StringComparer.Ordinal);
        Stages = SplitStages(instructions.Skip(firstFrom.Count).ToList());
    }

    public IReadOnlyList<DockerInstruction> Instructions { get; }

    /// <summary>ARGs declared before the first FROM, with their defaults.</summary>
    public IReadOnlyDictionary<string, string> GlobalArgs { get; }

    public IReadOnlyList<DockerStage> Stages { get; }

    public DockerStage FinalStage => Stages[^1];

    public static Dockerfile Load(string relativePath) => Parse(DeployFiles.Read(relativePath));

    public static Dockerfile Parse(string text)
    {
        var instructions = new List<DockerInstruction>();
        var pending = new StringBuilder();
        var pendingLine = 0;
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index];
            var trimmed = line.Trim();
            // Blank and comment lines are skipped, inside a continuation too.
            if (trimmed.StartsWith('#') || trimmed.Length == 0)
            {
                continue;
            }

            if (pending.Length == 0)
            {
                pendingLine = index + 1;
            }

            var continues = trimmed.EndsWith('\\');
            pending.Append(continues ? trimmed[..^1].TrimEnd() : trimmed).Append(' ');
            if (!continues)
            {
                instructions.Add(ToInstruction(pending.ToString().Trim(), pendingLine));
                pending.Clear();
            }
        }

        if (pending.Length > 0)
        {
            throw new FormatException($"line {pendingLine}: the file ends inside a continued instruction.");
        }

        return new Dockerfile(instructions);
    }

    /// <summary>Replaces <c>${NAME}</c> and <c>$NAME</c> with the global ARG defaults.</summary>
    public string Substitute(string value) =>
        VariablePattern().Replace(value, match =>
        {
            var name = match.Groups["braced"].Success ? match.Groups["braced"].Value : match.Groups["bare"].Value;
            return GlobalArgs.TryGetValue(name, out var argument) ? argument : match.Value;
        });

    private static DockerInstruction ToInstruction(string text, int line)
    {
        var space = text.IndexOfAny([' ', '\t']);
        var keyword = (space < 0 ? text : text[..space]).ToUpperInvariant();
        return new DockerInstruction(keyword, space < 0 ? string.Empty : text[(space + 1)..].Trim(), line);
    }

    private List<DockerStage> SplitStages(List<DockerInstruction> instructions)
    {
        var stages = new List<DockerStage>();
        for (var start = 0; start < instructions.Count;)
        {
            var end = instructions.FindIndex(start + 1, instruction => instruction.Keyword == "FROM");
            end = end < 0 ? instructions.Count : end;
            var words = instructions[start].Body.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var name = words.Length >= 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? words[2] : null;
            stages.Add(new DockerStage(Substitute(words[0]), name, instructions[(start + 1)..end]));
            start = end;
        }

        return stages;
    }

    [GeneratedRegex(@"\$(\{(?<braced>[A-Za-z_][A-Za-z0-9_]*)\}|(?<bare>[A-Za-z_][A-Za-z0-9_]*))")]
    private static partial Regex VariablePattern();
}
