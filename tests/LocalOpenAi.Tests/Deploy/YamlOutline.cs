namespace LocalOpenAi.Tests.Deploy;

/// <summary>
/// A line-based outline of a block-style YAML file: mappings by indentation, <c>- item</c> lists kept
/// as text, block scalars skipped, anchors (<c>&amp;name</c>) and merge keys (<c>&lt;&lt;: *name</c>) resolved.
/// </summary>
/// <remarks>Enough to check the structure of a compose file without a YAML library; not a YAML parser.</remarks>
internal sealed class YamlOutline
{
    private readonly Dictionary<string, YamlOutline> _anchors;
    private readonly List<(string Key, YamlOutline Node)> _children = [];

    private YamlOutline(Dictionary<string, YamlOutline> anchors) => _anchors = anchors;

    /// <summary>The scalar (or flow collection) after the key, without anchor; null for a nested block.</summary>
    public string? Value { get; private set; }

    /// <summary>The <c>- item</c> lines directly under this key.</summary>
    public List<string> Items { get; } = [];

    /// <summary>Child keys with merge keys applied (own keys win over merged ones).</summary>
    public IReadOnlyDictionary<string, YamlOutline> Children
    {
        get
        {
            var resolved = new Dictionary<string, YamlOutline>(StringComparer.Ordinal);
            foreach (var (key, node) in _children.Where(child => child.Key == "<<"))
            {
                var anchor = node.Value!.TrimStart('*');
                foreach (var merged in _anchors[anchor].Children)
                {
                    resolved[merged.Key] = merged.Value;
                }
            }

            foreach (var (key, node) in _children.Where(child => child.Key != "<<"))
            {
                resolved[key] = node;
            }

            return resolved;
        }
    }

    public YamlOutline this[string key] => Children.TryGetValue(key, out var child)
        ? child
        : throw new KeyNotFoundException($"no key '{key}' (has {string.Join(", ", Children.Keys)})");

    public static YamlOutline Parse(string text)
    {
        var anchors = new Dictionary<string, YamlOutline>(StringComparer.Ordinal);
        var root = new YamlOutline(anchors);
        var stack = new Stack<(int Indent, YamlOutline Node)>();
        stack.Push((-1, root));
        var blockScalarIndent = int.MaxValue;
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index];
            if (line.Contains('\t', StringComparison.Ordinal) && line.TrimStart(' ').StartsWith('\t'))
            {
                throw new FormatException($"line {index + 1}: a tab in the indentation");
            }

            var content = line.Trim();
            var indent = line.Length - line.TrimStart(' ').Length;
            if (content.Length == 0 || content.StartsWith('#'))
            {
                continue;
            }

            if (indent > blockScalarIndent)
            {
                continue;
            }

            blockScalarIndent = int.MaxValue;
            while (stack.Peek().Indent >= indent)
            {
                stack.Pop();
            }

            var parent = stack.Peek().Node;
            if (content.StartsWith("- ", StringComparison.Ordinal) || content == "-")
            {
                var item = content.Length > 1 ? content[2..].Trim() : string.Empty;
                parent.Items.Add(item);
                blockScalarIndent = item is "|" or ">" or "|-" or ">-" ? indent : int.MaxValue;
                continue;
            }

            var colon = KeySeparator(content) ?? throw new FormatException($"line {index + 1}: '{content}' is neither 'key: value' nor '- item'");
            var node = new YamlOutline(anchors);
            var key = content[..colon].Trim().Trim('"', '\'');
            var value = content[(colon + 1)..].Trim();
            if (value.StartsWith('&'))
            {
                var anchorEnd = value.IndexOf(' ', StringComparison.Ordinal);
                anchors[anchorEnd < 0 ? value[1..] : value[1..anchorEnd]] = node;
                value = anchorEnd < 0 ? string.Empty : value[(anchorEnd + 1)..].Trim();
            }

            node.Value = value.Length == 0 ? null : value;
            parent._children.Add((key, node));
            blockScalarIndent = value is "|" or ">" or "|-" or ">-" ? indent : int.MaxValue;
            stack.Push((indent, node));
        }

        return root;
    }

    private static int? KeySeparator(string content)
    {
        var quote = content[0] is '"' or '\'' ? content[0] : '\0';
        var start = quote == '\0' ? 0 : content.IndexOf(quote, 1) + 1;
        for (var i = start; i < content.Length; i++)
        {
            if (content[i] == ':' && (i + 1 == content.Length || content[i + 1] == ' '))
            {
                return i;
            }
        }

        return null;
    }
}
