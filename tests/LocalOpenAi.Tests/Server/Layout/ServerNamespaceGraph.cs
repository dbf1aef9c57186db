using System.Text.RegularExpressions;
using LocalOpenAi.Tests.Deploy;

namespace LocalOpenAi.Tests.Server.Layout;

/// <summary>
/// Which namespaces of <c>Server/</c> each namespace uses, read from the sources: <c>using</c> directives, fully
/// qualified names and names qualified from inside <c>LocalOpenAi.Server</c> (<c>Backends.RefusedOutcome</c>).
/// </summary>
internal sealed partial class ServerNamespaceGraph
{
    private readonly Dictionary<string, Dictionary<string, SortedSet<string>>> _uses = new(StringComparer.Ordinal);

    private ServerNamespaceGraph()
    {
    }

    public static ServerNamespaceGraph Read()
    {
        var graph = new ServerNamespaceGraph();
        var folder = DeployFiles.PathOf("Server");
        var files = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(path => (Path: path, Text: File.ReadAllText(path)))
            .ToList();
        var names = files.Select(file => NamespaceOf(file.Text)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var relative = new Regex(@"(?<![\w.])(" + string.Join('|', names.Where(name => name.Length > 0).Select(Regex.Escape)) + @")\.[A-Z]\w*");
        foreach (var (path, text) in files)
        {
            if (NamespaceOf(text) is not { } own)
            {
                continue;
            }

            var used = Qualified().Matches(text).Select(match => match.Groups[1].Value)
                .Concat(relative.Matches(text).Select(match => match.Groups[1].Value))
                .Where(name => name != own && names.Contains(name));
            foreach (var name in used)
            {
                graph.Add(own, name, Path.GetFileName(path));
            }
        }

        return graph;
    }

    /// <summary>The cycles (strongly connected groups of two or more namespaces), each with the files behind its edges.</summary>
    public IReadOnlyList<string> Cycles()
    {
        var nodes = _uses.Keys.Concat(_uses.Values.SelectMany(edges => edges.Keys)).Distinct().ToList();
        return [.. nodes.Select(node => (Node: node, Group: nodes.Where(other => Reaches(node, other) && Reaches(other, node)).Order(StringComparer.Ordinal).ToList()))
            .Where(entry => entry.Group.Count > 1 && entry.Group[0] == entry.Node)
            .Select(entry => string.Join("; ", entry.Group.SelectMany(from => _uses.GetValueOrDefault(from, [])
                .Where(edge => entry.Group.Contains(edge.Key))
                .Select(edge => $"{from} -> {edge.Key} ({string.Join(", ", edge.Value.Take(3))})"))))];
    }

    private bool Reaches(string from, string to)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { from };
        var pending = new Stack<string>([from]);
        while (pending.TryPop(out var node))
        {
            foreach (var next in _uses.GetValueOrDefault(node, []).Keys)
            {
                if (next == to)
                {
                    return true;
                }

                if (seen.Add(next))
                {
                    pending.Push(next);
                }
            }
        }

        return false;
    }

    private void Add(string from, string to, string file)
    {
        var edges = _uses.TryGetValue(from, out var existing) ? existing : _uses[from] = new(StringComparer.Ordinal);
        (edges.TryGetValue(to, out var files) ? files : edges[to] = new(StringComparer.Ordinal)).Add(file);
    }

    private static string? NamespaceOf(string text) => Declared().Match(text) is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex(@"^namespace LocalOpenAi\.Server(?:\.(\w+))?;", RegexOptions.Multiline)]
    private static partial Regex Declared();

    [GeneratedRegex(@"LocalOpenAi\.Server\.(\w+)")]
    private static partial Regex Qualified();
}
