using LocalOpenAi.Formats.Grammar;

namespace LocalOpenAi.Tests.Formats.Grammar;

/// <summary>An <c>anyOf</c> branch the grammar cannot keep to is left out; writing the others still matches the schema.</summary>
public sealed class UnwritableBranchTests
{
    /// <summary>Pydantic's decimal: a number, or a string whose pattern starts with a lookahead.</summary>
    private const string Decimal = """{"anyOf":[{"type":"number"},{"type":"string","pattern":"^(?!^[-+.]*$)[+-]?0*\\d*\\.?\\d*$"}]}""";

    [Fact]
    public void A_branch_that_cannot_be_written_is_left_out_and_the_rest_written()
    {
        var schema = $$"""{"type":"object","properties":{"price":{{Decimal}}},"required":["price"]}""";
        var result = JsonSchemaGrammar.Convert(schema);

        Assert.True(result.IsSuccess, result.Error);
        var matcher = new GbnfMatcher(result.Grammar!);
        Assert.True(matcher.Accepts("""{"price":12.5}""") && SchemaText.Validates(schema, """{"price":12.5}"""));
        Assert.False(matcher.Accepts("""{"price":"12.5"}"""));
    }

    [Theory]
    [InlineData("""{"anyOf":[{"type":"string","pattern":"(?=a)"},{"type":"array","uniqueItems":true}]}""", "pattern")]
    [InlineData("""{"oneOf":[{"type":"number"},{"type":"string","pattern":"(?=a)"}]}""", "pattern")]
    [InlineData("""{"anyOf":[{"type":"number"},{"type":"strng"}]}""", "strng")]
    public void With_no_branch_left_or_in_oneOf_or_for_an_invalid_branch_the_schema_is_refused(string schema, string mentioned)
    {
        var result = JsonSchemaGrammar.Convert(schema);

        Assert.False(result.IsSuccess);
        Assert.Contains(mentioned, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Branches_nested_twelve_deep_are_each_tried_once_not_once_per_level()
    {
        var nested = "{\"type\":\"string\",\"pattern\":\"(?=a)\"}";
        for (var level = 0; level < 12; level++)
        {
            nested = $$"""{"anyOf":[{{nested}},{"type":"object","properties":{"k{{level}}":{{nested}}},"required":["k{{level}}"]}]}""";
        }

        // Nothing below the top can be written (the innermost pattern has a lookahead), so the top keeps its integer
        // branch. A branch's trial tries no branches itself: linear work, where trials within trials would take 4^12.
        var result = JsonSchemaGrammar.Convert($$"""{"anyOf":[{"type":"integer"},{{nested}}]}""");

        Assert.True(result.IsSuccess, result.Error);
        Assert.True(new GbnfMatcher(result.Grammar!).Accepts("7"));
    }
}
