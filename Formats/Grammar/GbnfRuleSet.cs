using System.Text;

namespace LocalOpenAi.Formats.Grammar;

/// <summary>The rules of a grammar under construction: unique names, identical bodies shared, written root first.</summary>
internal sealed class GbnfRuleSet
{
    private readonly Dictionary<string, string> _bodies = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    public bool Contains(string name) => _bodies.ContainsKey(name);

    /// <summary>Adds a rule under a name derived from <paramref name="hint"/>; an identical rule already present is reused.</summary>
    public string Add(string hint, string body)
    {
        var name = Sanitize(hint);
        for (var suffix = 1; ; suffix++)
        {
            var candidate = suffix == 1 ? name : $"{name}{suffix}";
            if (!_bodies.TryGetValue(candidate, out var existing))
            {
                Set(candidate, body);
                return candidate;
            }

            if (existing == body)
            {
                return candidate;
            }
        }
    }

    /// <summary>Reserves a name before its body is known (for recursive references).</summary>
    public string Reserve(string hint)
    {
        var name = Sanitize(hint);
        var candidate = name;
        for (var suffix = 2; _bodies.ContainsKey(candidate); suffix++)
        {
            candidate = $"{name}{suffix}";
        }

        Set(candidate, string.Empty);
        return candidate;
    }

    public void Set(string name, string body)
    {
        if (!_bodies.ContainsKey(name))
        {
            _order.Add(name);
        }

        _bodies[name] = body;
    }

    public string Write()
    {
        var text = new StringBuilder();
        foreach (var name in _order.OrderBy(n => n == "root" ? 0 : 1))
        {
            text.Append(name).Append(" ::= ").Append(_bodies[name]).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>A GBNF string literal matching exactly <paramref name="text"/>.</summary>
    public static string Literal(string text)
    {
        var literal = new StringBuilder("\"");
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => literal.Append("\\\""),
                '\\' => literal.Append("\\\\"),
                '\n' => literal.Append("\\n"),
                '\r' => literal.Append("\\r"),
                '\t' => literal.Append("\\t"),
                < ' ' => literal.Append("\\x").Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture)),
                _ => literal.Append(c),
            };
        }

        return literal.Append('"').ToString();
    }

    private static string Sanitize(string hint)
    {
        var name = new StringBuilder();
        foreach (var c in hint)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        return name.Length == 0 ? "rule" : name.ToString();
    }
}
