using System.Text.Json;
using LocalOpenAi.Formats.Grammar;

namespace LocalOpenAi.Tests.Formats.Grammar;

/// <summary>JSON Schema <c>pattern</c> and the formats written as patterns.</summary>
public sealed class PatternGrammarTests
{
    [Theory]
    [InlineData("^(?=a)b", "lookaround")]
    [InlineData("^(?i)abc$", "lookaround or inline flags")]
    [InlineData("(a)\\1", "backreference")]
    [InlineData("\\bword\\b", "word boundary")]
    [InlineData("^\\p{L}+$", "Unicode property")]
    [InlineData("^(a*)*$", "can match nothing")]
    [InlineData("^(a|)+$", "can match nothing")]
    [InlineData("^(a+)+$", "a repeat of what it starts with")]
    [InlineData("^(?:x[a-z]*){2,5}$", "a repeat of what it starts with")]
    [InlineData("^\\u{1F600}$", "hexadecimal")]
    [InlineData("^(((((((((((((((((a)))))))))))))))))$", "nested more than 16 deep")]
    [InlineData("^a{5000}$", "over 1000")]
    [InlineData("^[z-a]$", "out of order")]
    [InlineData("^(abc$", "unclosed '('")]
    [InlineData("^abc)$", "unmatched ')'")]
    [InlineData("^[abc$", "unclosed '['")]
    [InlineData("^a^b$", "anchor")]
    [InlineData("^*a$", "nothing to repeat")]
    [InlineData("^\\q$", "escape")]
    [InlineData("^[^\\D]$", "negated class escape")]
    public void Patterns_that_cannot_be_written_as_a_grammar_are_refused_by_what_they_use(string pattern, string mentioned)
    {
        var result = JsonSchemaGrammar.Convert(Schema(pattern));

        Assert.False(result.IsSuccess);
        Assert.Contains("pattern", result.Error, StringComparison.Ordinal);
        Assert.Contains(mentioned, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("^[a-z]+$", "\"minLength\":2", false)]
    [InlineData("^[a-z]+$", "\"maxLength\":10", false)]
    [InlineData("^[a-z]{3,5}$", "\"minLength\":3,\"maxLength\":5", true)]
    [InlineData("^[a-z]{3,5}$", "\"maxLength\":4", false)]
    [InlineData("abc", "\"minLength\":3", true)]
    [InlineData("abc", "\"maxLength\":30", false)]
    public void Lengths_beside_a_pattern_are_kept_only_when_the_pattern_implies_them(string pattern, string lengths, bool supported)
    {
        var schema = $$"""{"type":"string","pattern":{{JsonSerializer.Serialize(pattern)}},{{lengths}}}""";

        var result = JsonSchemaGrammar.Convert(schema);

        Assert.Equal(supported, result.IsSuccess);
        Assert.True(supported || result.Error!.Contains("minLength", StringComparison.Ordinal), result.Error);
    }

    [Theory]
    [InlineData("^\\d{2}\\s\\w+\\.$", new[] { "12 ab_9.", "00\\tz." }, new[] { "1 ab.", "12 ab", "12  ab." })]
    [InlineData("^(?<year>\\d{4})-(?:0[1-9]|1[0-2])$", new[] { "2024-01", "1999-12" }, new[] { "2024-13", "24-01" })]
    [InlineData("^[^a-z]+$", new[] { "ABC 1", "É" }, new[] { "aB", "A\\\"B", "A\\\\B" })]
    [InlineData("^.{2}$", new[] { "éß", "ab" }, new[] { "a", "a\\nb", "abc" })]
    [InlineData("^\\u00e9\\x41$", new[] { "éA" }, new[] { "eA" })]
    [InlineData("x[0-9]", new[] { "x1", "ax2b" }, new[] { "abc", "x" })]
    [InlineData("^(?: [A-Z][a-z]+)*$", new[] { "", " Ann Lee" }, new[] { "Ann", " ann" })]
    [InlineData("^(?:[A-Za-z0-9_'+\\-]+\\.)*[A-Za-z0-9_'+\\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\\-]*\\.)+[A-Za-z]{2,}$", new[] { "john.doe@example.com", "a@b.co" }, new[] { "no-at.example.com", "a@b", "a@b.c" })]
    [InlineData("^$|^ab$", new[] { "", "ab" }, new[] { "a" })]
    [InlineData("^a|b$", new[] { "a", "b" }, new[] { "c" })]
    [InlineData("^[\\n\\t ]x$", new[] { "\\nx", "\\tx", " x" }, new[] { "x", "\\rx" })]
    [InlineData("^a+?b*?$", new[] { "a", "aabb" }, new[] { "b" })]
    public void A_pattern_writes_the_json_strings_it_matches(string pattern, string[] accepted, string[] rejected)
    {
        var schema = Schema(pattern);
        var matcher = new GbnfMatcher(JsonSchemaGrammar.Convert(schema).Grammar!);

        Assert.All(accepted, content => Assert.True(matcher.Accepts($"\"{content}\"") && SchemaText.Validates(schema, $"\"{content}\""), content));
        Assert.All(rejected, content => Assert.False(matcher.Accepts($"\"{content}\""), content));
    }

    [Theory]
    [InlineData("email", "ann.lee+x@mail.example.org")]
    [InlineData("hostname", "api-v2.example.com")]
    [InlineData("ipv4", "10.0.255.1")]
    [InlineData("ipv6", "2001:db8:0:0:0:ff00:42:8329")]
    [InlineData("uri", "https://example.com/a/b.html")]
    [InlineData("uri-reference", "http://x.io/")]
    [InlineData("duration", "P1DT2H30M0S")]
    [InlineData("idn-email", "a@b.io")]
    [InlineData("iri", "https://example.org/x")]
    [InlineData("uri-template", "https://example.org/x")]
    [InlineData("json-pointer", "/a/b_1")]
    [InlineData("relative-json-pointer", "0/a")]
    [InlineData("regex", "abc12")]
    public void Formats_written_as_patterns_write_values_the_standard_format_check_accepts(string format, string value)
    {
        var schema = $$"""{"type":"string","format":"{{format}}"}""";
        var matcher = new GbnfMatcher(JsonSchemaGrammar.Convert(schema).Grammar!);

        Assert.True(matcher.Accepts($"\"{value}\""), value);
        Assert.True(SchemaText.Validates(schema, $"\"{value}\""), value);
        Assert.False(matcher.Accepts("\"not such a value\""));
    }

    [Theory]
    [InlineData("binary")]
    [InlineData("byte")]
    [InlineData("password")]
    public void Other_formats_only_annotate_and_the_string_keeps_its_lengths(string format)
    {
        var schema = $$"""{"type":"string","format":"{{format}}","maxLength":3}""";
        var matcher = new GbnfMatcher(JsonSchemaGrammar.Convert(schema).Grammar!);

        Assert.True(matcher.Accepts("\"a b\"") && SchemaText.Validates(schema, "\"a b\""));
        Assert.False(matcher.Accepts("\"abcd\""));
    }

    private static string Schema(string pattern) => JsonSerializer.Serialize(new { type = "string", pattern });
}
