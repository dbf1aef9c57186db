using System.Text;
using System.Text.Json;
using Json.Schema;

namespace LocalOpenAi.Formats.Grammar;

/// <summary>
/// Validates JSON documents against a JSON Schema (draft 2020-12, <c>format</c> asserted as
/// <see cref="GrammarStringFormats"/> where the grammar constrains it) with JsonSchema.Net; each error
/// names the instance path that failed (<c>$.tags[2]: ...</c>).
/// </summary>
/// <remarks>
/// Draft 2020-12 rather than the library's default dialect, which refuses the unknown keywords client
/// schemas carry. Every schema is built into a registry of its own, so that a client's <c>$id</c> neither
/// collides with another request's nor stays in the library's global registry.
/// </remarks>
public static class JsonSchemaValidator
{
    private static readonly EvaluationOptions Options = new()
    {
        OutputFormat = OutputFormat.List,
        RequireFormatValidation = true,
        FormatRegistry = GrammarStringFormats.Registry(),
    };

    /// <summary>Checks <paramref name="instance"/> against <paramref name="schema"/> and lists every violation.</summary>
    public static SchemaValidationResult Validate(JsonElement schema, JsonElement instance)
    {
        var built = JsonSchema.Build(schema, new BuildOptions { Dialect = Dialect.Draft202012, SchemaRegistry = new SchemaRegistry() });
        var results = built.Evaluate(instance, Options);
        if (results.IsValid)
        {
            return new SchemaValidationResult([]);
        }

        var nodes = (IEnumerable<EvaluationResults>)[results, .. results.Details ?? []];
        var errors = nodes.SelectMany(node => (node.Errors?.Values ?? Enumerable.Empty<string>()).Select(message => $"{PathOf(instance, node.InstanceLocation.ToString())}: {message}")).ToList();
        if (errors.Count == 0)
        {
            // Some keywords (oneOf matching twice) fail without a message; the failing nodes still say where.
            errors.AddRange(nodes.Where(node => !node.IsValid).Select(node => $"{PathOf(instance, node.InstanceLocation.ToString())}: does not match the schema at '#{node.EvaluationPath}'."));
        }

        return new SchemaValidationResult(errors);
    }

    /// <summary><c>/tags/2</c> as <c>$.tags[2]</c>: a segment is an index where the instance holds an array there.</summary>
    private static string PathOf(JsonElement instance, string pointer)
    {
        var path = new StringBuilder("$");
        var node = instance;
        foreach (var segment in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var key = segment.Replace("~1", "/").Replace("~0", "~");
            if (node.ValueKind == JsonValueKind.Array && int.TryParse(key, out var index) && index < node.GetArrayLength())
            {
                path.Append('[').Append(key).Append(']');
                node = node[index];
            }
            else
            {
                path.Append('.').Append(key);
                node = node.ValueKind == JsonValueKind.Object && node.TryGetProperty(key, out var child) ? child : default;
            }
        }

        return path.ToString();
    }
}
