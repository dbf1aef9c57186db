using System.Text;

namespace LocalOpenAi.Tests.Server.Hostile;

/// <summary>JSON Schemas that are invalid, unsupported or over a limit; all shallower than JSON's nesting limit of 64.</summary>
public static class HostileSchemas
{
    public static IReadOnlyList<(string Name, string Schema)> All { get; } =
    [
        ("ref chain 40", RefChain(40)),
        ("ref chain 33", RefChain(33)),
        ("enum 300", Enum(300)),
        ("enum 50000", Enum(50_000)),
        ("properties 600", Properties(600)),
        ("property name 100k", """{"type":"object","properties":{"K":{"type":"string"}},"additionalProperties":true}""".Replace("K", new string('k', 100_000), StringComparison.Ordinal)),
        ("minLength 100000", """{"type":"string","minLength":100000}"""),
        ("minLength 5000", """{"type":"string","minLength":5000}"""),
        ("maxLength text", """{"type":"string","maxLength":"ten"}"""),
        ("maxLength negative", """{"type":"string","maxLength":-1}"""),
        ("minItems 100000", """{"type":"array","minItems":100000}"""),
        ("minItems 257", """{"type":"array","items":{"type":"integer"},"minItems":257}"""),
        ("maxItems below minItems", """{"type":"array","minItems":3,"maxItems":1}"""),
        ("const 5000", """{"const":"C"}""".Replace("C", new string('c', 5000), StringComparison.Ordinal)),
        ("anyOf 200", $"{{\"anyOf\":[{string.Join(',', Enumerable.Range(0, 200).Select(i => $"{{\"const\":{i}}}"))}]}}"),
        ("oneOf empty", """{"oneOf":[]}"""),
        ("anyOf nested 14 levels", string.Concat(Enumerable.Repeat("{\"anyOf\":[{\"type\":\"null\"},", 14)) + "{\"type\":\"string\"}" + string.Concat(Enumerable.Repeat("]}", 14))),
        ("pattern", """{"type":"string","pattern":"(a+)+$"}"""),
        ("pattern nested 2000 groups", $$"""{"type":"string","pattern":"{{new string('(', 2000)}}a{{new string(')', 2000)}}"}"""),
        ("pattern 2000 alternatives", $$"""{"type":"string","pattern":"^({{string.Join("|", Enumerable.Repeat("a", 2000))}})$"}"""),
        ("pattern with lookahead", """{"type":"string","pattern":"^(?!x)"}"""),
        ("unknown type", """{"type":"strng"}"""),
        ("type number", """{"type":5}"""),
        ("required not array", """{"type":"object","properties":{"a":{}},"required":"a"}"""),
        ("required 2000 undeclared", $$"""{"type":"object","required":[{{string.Join(",", Enumerable.Range(0, 2000).Select(i => $"\"k{i}\""))}}]}"""),
        ("required missing property", """{"type":"object","properties":{"a":{}},"required":["b"],"additionalProperties":false}"""),
        ("enum empty", """{"enum":[]}"""),
        ("remote ref", """{"$ref":"https://example.com/schema.json"}"""),
        ("dangling ref", """{"$ref":"#/$defs/missing"}"""),
        ("integer range empty", """{"type":"integer","minimum":5,"maximum":1}"""),
        ("integer range beyond what is written", """{"type":"integer","minimum":1e300}"""),
        ("properties not object", """{"type":"object","properties":[1,2]}"""),
    ];

    /// <summary>A chain of <c>$ref</c> links (under 1 MB for 25,000): deep recursion without deep JSON.</summary>
    public static string RefChain(int links)
    {
        var defs = new StringBuilder();
        for (var i = 0; i < links; i++)
        {
            defs.Append($"\"d{i}\":{{\"$ref\":\"#/$defs/d{i + 1}\"}},");
        }

        return $"{{\"$ref\":\"#/$defs/d0\",\"$defs\":{{{defs}\"d{links}\":{{\"type\":\"string\"}}}}}}";
    }

    private static string Enum(int values) => $"{{\"enum\":[{string.Join(',', Enumerable.Range(0, values))}]}}";

    private static string Properties(int count) =>
        $"{{\"type\":\"object\",\"properties\":{{{string.Join(',', Enumerable.Range(0, count).Select(i => $"\"p{i}\":{{\"type\":\"integer\"}}"))}}}}}";
}
