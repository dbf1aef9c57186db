using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using LocalOpenAi.Formats.Grammar;

namespace LocalOpenAi.Tests.Formats.Grammar;

public sealed class JsonSchemaGrammarTests
{
    public static TheoryData<GrammarTestSchema> Schemas() => [.. GrammarTestSchemas.All];

    [Fact]
    public void There_are_at_least_thirty_test_schemas() => Assert.True(GrammarTestSchemas.All.Count >= 30);

    [Theory]
    [MemberData(nameof(Schemas))]
    public void The_grammar_parses_and_defines_every_rule_it_references(GrammarTestSchema schema)
    {
        var result = JsonSchemaGrammar.Convert(schema.Schema);

        Assert.True(result.IsSuccess, result.Error);
        Assert.StartsWith("root ::= ", result.Grammar);
        _ = new GbnfMatcher(result.Grammar!);
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public void The_grammar_accepts_the_valid_documents_and_rejects_the_invalid_ones(GrammarTestSchema schema)
    {
        var matcher = new GbnfMatcher(JsonSchemaGrammar.Convert(schema.Schema).Grammar!);

        Assert.All(schema.Valid.Select(Compact), document => Assert.True(matcher.Accepts(document), $"rejected valid {document}"));
        Assert.All(schema.Invalid.Concat(schema.NonCanonical), document => Assert.False(matcher.Accepts(document), $"accepted {document}"));
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public void The_validator_agrees_with_the_sample_documents(GrammarTestSchema schema)
    {
        using var document = JsonDocument.Parse(schema.Schema);
        foreach (var valid in schema.Valid.Concat(schema.NonCanonical))
        {
            var result = JsonSchemaValidator.Validate(document.RootElement, JsonDocument.Parse(valid).RootElement);
            Assert.True(result.IsValid, $"{valid}: {string.Join("; ", result.Errors)}");
        }

        foreach (var invalid in schema.Invalid.Where(IsJson))
        {
            Assert.False(JsonSchemaValidator.Validate(document.RootElement, JsonDocument.Parse(invalid).RootElement).IsValid, invalid);
        }
    }

    [Fact]
    public void The_any_object_grammar_accepts_objects_only()
    {
        var matcher = new GbnfMatcher(JsonSchemaGrammar.AnyJsonObject);

        Assert.True(matcher.Accepts("{\"a\":{\"b\":[1,2.5,\"x\",null,false]}}"));
        Assert.True(matcher.Accepts("{}"));
        Assert.False(matcher.Accepts("[1]"));
        Assert.False(matcher.Accepts("{} "));
    }

    [Theory]
    [InlineData("{}", true)]
    [InlineData("{\"a\":[1,2]}", true)]
    [InlineData("{\"a b\":\" c \"}", true)]
    [InlineData("{ }", false)]
    [InlineData("{\"a\": [1, 2]}", false)]
    [InlineData("{\"a\":[1, 2]}", false)]
    [InlineData("{\n\"a\":1}", false)]
    [InlineData("{\t}", false)]
    public void Json_is_compact_without_whitespace_between_tokens(string document, bool accepted) =>
        Assert.Equal(accepted, new GbnfMatcher(JsonSchemaGrammar.AnyJsonObject).Accepts(document));

    [Fact]
    public void Required_properties_come_first_in_declaration_order()
    {
        var grammar = JsonSchemaGrammar.Convert("""{"type":"object","properties":{"a":{"type":"integer"},"b":{"type":"integer"}},"required":["b","a"],"additionalProperties":false}""").Grammar!;

        Assert.Contains("root ::= \"{\" root-a-kv \",\" root-b-kv \"}\"", grammar, StringComparison.Ordinal);
    }

    /// <summary>The document as the grammar writes it: no whitespace between tokens, strings and numbers as they were.</summary>
    private static string Compact(string document) =>
        JsonNode.Parse(document)?.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "null";

    private static bool IsJson(string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
