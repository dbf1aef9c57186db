using System.Text.Json;

namespace LocalOpenAi.Formats.Grammar;

/// <summary>The <see cref="JsonSchemaLimits"/>: depth, alternatives, literals and properties, counted over the whole schema.</summary>
internal sealed partial class SchemaToGbnfConverter
{
    /// <summary>The GBNF expression matching exactly the instances of <paramref name="schema"/>.</summary>
    /// <remarks>Every walk into a sub-schema or a <c>$ref</c> passes here, so the depth bound keeps the recursion shallow.</remarks>
    private string Expression(JsonElement schema, string name, string path)
    {
        if (++_depth > limits.MaxDepth)
        {
            throw new JsonSchemaException(path, $"the schema nests deeper than {limits.MaxDepth} levels ('$ref' links included); that is the limit on depth.");
        }

        try
        {
            return NodeExpression(schema, name, path);
        }
        finally
        {
            _depth--;
        }
    }

    /// <summary><c>anyOf</c>/<c>oneOf</c>: one rule per branch, the branch paths multiplied along the nesting and bounded.</summary>
    private string OneOf(List<JsonElement> branches, string combinator, string name, string path)
    {
        CountAlternatives(branches.Count, path);
        var kept = combinator == "anyOf" ? Writable(branches, path) : [.. Enumerable.Range(0, branches.Count)];
        var outer = _paths;
        _paths *= kept.Count;
        if (_paths > limits.MaxAlternativePaths)
        {
            throw new JsonSchemaException(path, $"nested 'anyOf'/'oneOf' multiply to more than {limits.MaxAlternativePaths} paths; that is the limit on alternative paths (each level multiplies the grammar's work per token).");
        }

        try
        {
            return "( " + string.Join(" | ", kept.Select(i => Rule(branches[i], $"{name}-{i}", $"{path}/{combinator}/{i}"))) + " )";
        }
        finally
        {
            _paths = outer;
        }
    }

    /// <summary>
    /// The <c>anyOf</c> branches the grammar can keep to: one it cannot (pydantic's decimal string pattern has a
    /// lookahead) is left out, since writing the others still matches the schema. Each branch is tried by a converter of
    /// its own, which leaves this one's rules untouched and tries no branches itself, so nesting costs no more than once.
    /// </summary>
    private List<int> Writable(List<JsonElement> branches, string path)
    {
        var all = Enumerable.Range(0, branches.Count).ToList();
        if (_probing || branches.Count < 2)
        {
            return all;
        }

        JsonSchemaException? first = null;
        var writable = all.Where(i =>
        {
            try
            {
                new SchemaToGbnfConverter(root, limits) { _probing = true }.Expression(branches[i], "probe", $"{path}/anyOf/{i}");
                return true;
            }
            catch (JsonSchemaException exception) when (exception.Unsupported)
            {
                first ??= exception;
                return false;
            }
            catch (JsonSchemaException)
            {
                return true; // invalid or over a limit: the conversion itself says so
            }
        }).ToList();
        return writable.Count > 0 ? writable : throw first!;
    }

    private string Literal(JsonElement value, string path)
    {
        var json = JsonSerializer.Serialize(value, Compact);
        return json.Length <= limits.MaxLiteralLength
            ? GbnfRuleSet.Literal(json)
            : throw new JsonSchemaException(path, $"a 'const' or 'enum' value has {json.Length} characters; the limit is {limits.MaxLiteralLength}.");
    }

    private void CountAlternatives(int count, string path)
    {
        _alternatives += count;
        if (_alternatives > limits.MaxAlternatives)
        {
            throw new JsonSchemaException(path, $"the schema has more than {limits.MaxAlternatives} 'anyOf'/'oneOf' branches and type alternatives in all; that is the limit on alternatives.");
        }
    }

    private void CountProperties(List<(string Key, JsonElement Schema)> properties, string path)
    {
        _properties += properties.Count;
        if (_properties > limits.MaxProperties)
        {
            throw new JsonSchemaException(path, $"the schema declares more than {limits.MaxProperties} properties in all; that is the limit on properties.");
        }

        if (properties.FirstOrDefault(p => p.Key.Length > limits.MaxPropertyNameLength) is { Key: not null } longName)
        {
            throw new JsonSchemaException(path, $"a property name has {longName.Key.Length} characters; the limit is {limits.MaxPropertyNameLength}.");
        }
    }
}
