using System.Text;
using System.Text.Json;
using LocalOpenAi.Formats.Grammar;

namespace LocalOpenAi.Tests.Formats.Grammar;

/// <summary>Schemas that used to overflow the stack or build grammars that pin a core are refused, naming the limit.</summary>
public sealed class JsonSchemaLimitTests
{
    public static TheoryData<string, string> OverLimit => new()
    {
        { RefChain(25_000), "limit on depth" },
        { RefChain(40), "limit on depth" },
        { NestedObjects(40), "limit on depth" },
        { NestedArrays(40), "limit on depth" },
        { NestedAnyOf(13), "limit on alternative paths" },
        { Enum(50_000), "the limit is 256" },
        { Enum(257), "the limit is 256" },
        { Properties(600), "limit on properties" },
        { $$"""{"type":"object","required":[{{string.Join(",", Enumerable.Range(0, 600).Select(i => $"\"k{i}\""))}}]}""", "limit on properties" },
        { """{"type":"object","properties":{"LONG":{"type":"string"}},"additionalProperties":true}""".Replace("LONG", new string('k', 100_000), StringComparison.Ordinal), "the limit is 256" },
        { """{"type":"string","minLength":100000}""", "the limit is 1000" },
        { """{"type":"string","minLength":5000}""", "the limit is 1000" },
        { """{"type":"array","minItems":100000}""", "the limit is 256" },
        { """{"type":"array","minItems":257}""", "the limit is 256" },
        { """{"type":"string","maxLength":"ten"}""", "non-negative integer" },
        { """{"type":"string","maxLength":1e300}""", "non-negative integer" },
        { """{"const":"LONG"}""".Replace("LONG", new string('c', 5000), StringComparison.Ordinal), "the limit is 4096" },
        { AnyOf(200), "limit on alternatives" },
        { """{"type":"string","pattern":"(a+)+$"}""", "a repeat of what it starts with" },
    };

    [Theory]
    [MemberData(nameof(OverLimit))]
    public void A_schema_over_a_limit_is_refused_with_a_message_naming_the_limit(string schema, string limit)
    {
        // Deeper than System.Text.Json's default of 64, so that the converter's own bound is what refuses.
        using var document = JsonDocument.Parse(schema, new JsonDocumentOptions { MaxDepth = 1000 });
        var result = JsonSchemaGrammar.Convert(document.RootElement);

        Assert.False(result.IsSuccess);
        Assert.Contains(limit, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_schema_within_the_limits_still_converts()
    {
        Assert.True(JsonSchemaGrammar.Convert(RefChain(20)).IsSuccess);
        Assert.True(JsonSchemaGrammar.Convert(NestedAnyOf(12)).IsSuccess);
        Assert.True(JsonSchemaGrammar.Convert(Enum(256)).IsSuccess);
        Assert.True(JsonSchemaGrammar.Convert(Properties(200)).IsSuccess);
        Assert.True(JsonSchemaGrammar.Convert("""{"type":"string","maxLength":1000}""").IsSuccess);
    }

    [Fact]
    public void A_maximum_over_the_limit_writes_up_to_the_limit_which_keeps_to_the_schema()
    {
        var text = new GbnfMatcher(JsonSchemaGrammar.Convert("""{"type":"string","maxLength":2083,"minLength":1}""").Grammar!);
        var list = new GbnfMatcher(JsonSchemaGrammar.Convert("""{"type":"array","items":{"type":"integer"},"maxItems":100000}""").Grammar!);

        Assert.True(text.Accepts($"\"{new string('a', 1000)}\""));
        Assert.False(text.Accepts($"\"{new string('a', 1001)}\""));
        Assert.True(list.Accepts($"[{string.Join(",", Enumerable.Repeat("1", 256))}]"));
        Assert.False(list.Accepts($"[{string.Join(",", Enumerable.Repeat("1", 257))}]"));
    }

    [Fact]
    public void Limits_can_be_tightened() =>
        Assert.False(JsonSchemaGrammar.Convert(JsonDocument.Parse(Enum(3)).RootElement, new JsonSchemaLimits(MaxEnumValues: 2)).IsSuccess);

    private static string RefChain(int links)
    {
        var defs = new StringBuilder();
        for (var i = 0; i < links; i++)
        {
            defs.Append($"\"d{i}\":{{\"$ref\":\"#/$defs/d{i + 1}\"}},");
        }

        return $"{{\"$ref\":\"#/$defs/d0\",\"$defs\":{{{defs}\"d{links}\":{{\"type\":\"string\"}}}}}}";
    }

    private static string NestedObjects(int depth) =>
        string.Concat(Enumerable.Repeat("{\"type\":\"object\",\"properties\":{\"a\":", depth)) + "{\"type\":\"string\"}" + new string('}', depth * 2);

    private static string NestedArrays(int depth) =>
        string.Concat(Enumerable.Repeat("{\"type\":\"array\",\"items\":", depth)) + "{\"type\":\"string\"}" + new string('}', depth);

    private static string NestedAnyOf(int depth) =>
        string.Concat(Enumerable.Repeat("{\"anyOf\":[{\"type\":\"null\"},", depth)) + "{\"type\":\"string\"}" + string.Concat(Enumerable.Repeat("]}", depth));

    private static string Enum(int values) => $"{{\"enum\":[{string.Join(',', Enumerable.Range(0, values))}]}}";

    private static string AnyOf(int branches) => $"{{\"anyOf\":[{string.Join(',', Enumerable.Range(0, branches).Select(i => $"{{\"const\":{i}}}"))}]}}";

    private static string Properties(int count) =>
        $"{{\"type\":\"object\",\"properties\":{{{string.Join(',', Enumerable.Range(0, count).Select(i => $"\"p{i}\":{{\"type\":\"integer\"}}"))}}}}}";
}
