using System.Globalization;
using LocalOpenAi.Formats.Grammar;

namespace LocalOpenAi.Tests.Formats.Grammar;

public sealed class JsonSchemaGrammarErrorTests
{
    [Theory]
    [InlineData("""{"type":"string","pattern":"^(?=a)"}""", "pattern")]
    [InlineData("""{"type":"object","minProperties":1}""", "minProperties")]
    [InlineData("""{"type":"array","uniqueItems":true}""", "uniqueItems")]
    [InlineData("""{"type":"array","items":{"type":"string"},"uniqueItems":true}""", "uniqueItems")]
    [InlineData("""{"type":"array","items":{"enum":["a","b","c"]},"uniqueItems":true,"minItems":4}""", "distinct items")]
    [InlineData("""{"type":"array","items":{"enum":[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33]},"uniqueItems":true}""", "limit on sets")]
    [InlineData("""{"type":"object","propertyNames":{"pattern":"^a"}}""", "propertyNames")]
    [InlineData("""{"type":"array","prefixItems":[{"type":"string"}],"items":false,"minItems":2}""", "minItems")]
    [InlineData("""{"not":{"type":"string"}}""", "not")]
    [InlineData("""{"type":"strng"}""", "strng")]
    [InlineData("""{"$ref":"#/$defs/missing"}""", "missing")]
    [InlineData("""{"$ref":"https://example.com/schema.json"}""", "local references")]
    [InlineData("""{"type":"object","properties":{"a":{}},"required":["b"],"additionalProperties":false}""", "'b'")]
    [InlineData("""{"type":"integer","minimum":5,"maximum":1}""", "empty")]
    [InlineData("""{"type":"array","minItems":3,"maxItems":1}""", "maxItems")]
    [InlineData("""{"enum":[]}""", "enum")]
    [InlineData("""{"allOf":[{"type":"string"},{"maxLength":3}]}""", "allOf")]
    [InlineData("""{"anyOf":[{"type":"string"}],"properties":{"a":{}}}""", "anyOf")]
    [InlineData("""false""", "matches nothing")]
    [InlineData("""{"type":"object","required":"a"}""", "Invalid JSON schema")]
    [InlineData("""{"type":""", "not valid JSON")]
    public void Unsupported_or_invalid_schemas_give_an_error_instead_of_a_grammar(string schema, string mentioned)
    {
        var result = JsonSchemaGrammar.Convert(schema);

        Assert.False(result.IsSuccess);
        Assert.Null(result.Grammar);
        Assert.Contains(mentioned, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 7)]
    [InlineData(-25, 1234)]
    [InlineData(0, 100)]
    [InlineData(-1000, -3)]
    [InlineData(99, 1001)]
    [InlineData(5, 5)]
    public void Integer_ranges_match_exactly_the_numbers_inside(long min, long max)
    {
        var matcher = new GbnfMatcher(JsonSchemaGrammar.Convert($$"""{"type":"integer","minimum":{{min}},"maximum":{{max}}}""").Grammar!);

        for (var n = -1500L; n <= 1500; n++)
        {
            Assert.True(matcher.Accepts(n.ToString(CultureInfo.InvariantCulture)) == (n >= min && n <= max), $"{n} in [{min}, {max}]");
        }
    }

    [Fact]
    public void Open_ended_integer_ranges_match_exactly_the_numbers_inside()
    {
        var atLeast = new GbnfMatcher(JsonSchemaGrammar.Convert("""{"type":"integer","minimum":-37}""").Grammar!);
        var atMost = new GbnfMatcher(JsonSchemaGrammar.Convert("""{"type":"integer","maximum":250}""").Grammar!);

        for (var n = -1500L; n <= 1500; n++)
        {
            var text = n.ToString(CultureInfo.InvariantCulture);
            Assert.True(atLeast.Accepts(text) == (n >= -37), text);
            Assert.True(atMost.Accepts(text) == (n <= 250), text);
        }
    }
}
