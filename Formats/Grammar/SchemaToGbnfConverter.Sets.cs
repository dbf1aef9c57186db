using System.Text.Json;

namespace LocalOpenAi.Formats.Grammar;

/// <summary><c>uniqueItems</c> over a choice of values (pydantic's <c>set[Enum]</c>): the values written in their declared order.</summary>
internal sealed partial class SchemaToGbnfConverter
{
    /// <summary>Rules a set may take: one per value and count.</summary>
    private const int MaxSetRules = 1024;

    /// <summary>
    /// Arrays of distinct values of an <c>enum</c> (or <c>const</c>, or boolean) item, each after the ones declared before it,
    /// so no value repeats: rule <c>after-i-c</c> follows value i written as the c-th item. Items of any other kind cannot
    /// be kept distinct by a grammar, and are refused.
    /// </summary>
    private string SetExpression(JsonElement items, int min, int? max, string name, string path)
    {
        var values = Choices(items, path)
            ?? throw new JsonSchemaException(path, "'uniqueItems' is supported only for items that are a choice of values ('enum', 'const' or boolean).", unsupported: true);
        var most = Math.Min(max ?? values.Count, values.Count);
        if (min > most)
        {
            throw new JsonSchemaException(path, $"'minItems' asks for {min} distinct items; the items allow {values.Count}.");
        }

        if (values.Count * Math.Max(most, 1) > MaxSetRules)
        {
            throw new JsonSchemaException(path, $"'uniqueItems' over {values.Count} values makes more than {MaxSetRules} rules; that is the limit on sets.");
        }

        // Value j may come next as the c-th item only if enough values follow it to reach minItems.
        bool CanFollow(int j, int count) => count <= most && values.Count - 1 - j >= min - count;
        var after = new Dictionary<(int Index, int Count), string>();
        string After(int index, int count)
        {
            if (!after.TryGetValue((index, count), out var rule))
            {
                var next = Enumerable.Range(index + 1, values.Count - index - 1).Where(j => CanFollow(j, count + 1)).Select(j => $"\",\" {values[j]} {After(j, count + 1)}");
                rule = _rules.Add($"{name}-after-{index}-{count}", string.Join(" | ", (count >= min ? ["\"]\""] : Array.Empty<string>()).Concat(next)));
                after[(index, count)] = rule;
            }

            return rule;
        }

        var first = Enumerable.Range(0, values.Count).Where(i => CanFollow(i, 1)).Select(i => $"{values[i]} {After(i, 1)}");
        return $"\"[\" ( {string.Join(" | ", (min == 0 ? ["\"]\""] : Array.Empty<string>()).Concat(first))} )";
    }

    /// <summary>The literals an item schema allows, following one <c>$ref</c>; null when it allows more than a list.</summary>
    private List<string>? Choices(JsonElement items, string path)
    {
        if (items.ValueKind == JsonValueKind.Object && items.TryGetProperty("$ref", out var reference) && reference.ValueKind == JsonValueKind.String)
        {
            items = Resolve(reference.GetString()!, path);
        }

        if (items.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (items.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array && values.GetArrayLength() is > 0 and <= 256)
        {
            return [.. values.EnumerateArray().Select(value => Literal(value, path)).Distinct()];
        }

        return items.TryGetProperty("const", out var constant) ? [Literal(constant, path)]
            : items.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "boolean" ? ["\"true\"", "\"false\""]
            : null;
    }
}
