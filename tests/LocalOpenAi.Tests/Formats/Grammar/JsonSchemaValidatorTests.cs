using System.Text.Json;
using LocalOpenAi.Formats.Grammar;

namespace LocalOpenAi.Tests.Formats.Grammar;

public sealed class JsonSchemaValidatorTests
{
    private const string Schema = """
        {"type":"object","properties":{"name":{"type":"string","minLength":1},"age":{"type":"integer","minimum":0},
         "email":{"type":"string","pattern":"^[^@]+@[^@]+$"},"tags":{"type":"array","items":{"type":"string"},"maxItems":2}},
         "required":["name","age"],"additionalProperties":false}
        """;

    [Fact]
    public void A_valid_document_has_no_errors()
    {
        var result = Validate(Schema, """{"name":"Ann","age":3,"email":"a@b","tags":["x"]}""");

        Assert.True(result.IsValid);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Every_violation_is_listed_with_its_path()
    {
        var result = Validate(Schema, """{"name":"","age":-1.5,"email":"nope","tags":["a","b",3],"extra":true}""");

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.StartsWith("$.name:", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.StartsWith("$.age:", StringComparison.Ordinal) && e.Contains("integer", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.StartsWith("$.email:", StringComparison.Ordinal) && e.Contains("regular expression", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.StartsWith("$.tags:", StringComparison.Ordinal) && e.Contains("at most 2", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.StartsWith("$.tags[2]:", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.StartsWith("$.extra:", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_required_properties_are_reported_by_name()
    {
        var result = Validate(Schema, "{}");

        var error = Assert.Single(result.Errors);
        Assert.Contains("\"name\"", error, StringComparison.Ordinal);
        Assert.Contains("\"age\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failure_the_library_gives_no_message_for_still_names_its_path()
    {
        var result = Validate("""{"type":"object","properties":{"n":{"oneOf":[{"type":"integer"},{"type":"number"}]}}}""", """{"n":1}""");

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.StartsWith("$.n: does not match the schema at '#/properties/n'", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_keywords_and_an_id_do_not_stop_validation()
    {
        const string Identified = """{"$id":"https://example.test/order","type":"object","x-order":1,"examples":[{}]}""";

        Assert.True(Validate(Identified, "{}").IsValid);
        Assert.False(Validate(Identified, "[]").IsValid);
    }

    [Theory]
    [InlineData("""{"type":"number","exclusiveMaximum":1}""", "1", false)]
    [InlineData("""{"type":"number","minimum":0.5}""", "0.75", true)]
    [InlineData("""{"type":"integer"}""", "2.0", true)]
    [InlineData("""{"const":{"a":[1,2]}}""", """{"a":[1,2.0]}""", true)]
    [InlineData("""{"enum":["a",1]}""", "\"b\"", false)]
    [InlineData("""{"oneOf":[{"type":"integer"},{"type":"number"}]}""", "1", false)]
    [InlineData("""{"oneOf":[{"type":"integer"},{"type":"number"}]}""", "1.5", true)]
    [InlineData("""{"$ref":"#/$defs/n","$defs":{"n":{"type":["integer","null"]}}}""", "null", true)]
    [InlineData("""{"type":"string","format":"date-time"}""", "\"2024-02-30T10:00:00+01:00\"", true)]
    [InlineData("""{"type":"string","format":"date-time"}""", "\"0000-04-08T10:00:00Z\"", true)]
    [InlineData("""{"type":"string","format":"date"}""", "\"0000-04-08\"", true)]
    [InlineData("""{"type":"string","format":"email"}""", "\"nobody\"", false)]
    [InlineData("""{"type":"string","format":"uuid"}""", "\"not-a-uuid\"", false)]
    [InlineData("""{"type":"string","maxLength":1}""", "\"\\ud83d\\ude00\"", true)]
    public void Keywords_are_checked(string schema, string document, bool valid) =>
        Assert.Equal(valid, Validate(schema, document).IsValid);

    private static SchemaValidationResult Validate(string schema, string document) =>
        JsonSchemaValidator.Validate(JsonDocument.Parse(schema).RootElement, JsonDocument.Parse(document).RootElement);
}
