using System.Text;
using LocalOpenAi.Formats.Grammar;

namespace LocalOpenAi.Tests.Formats.Grammar;

public sealed class GbnfCheckerTests
{
    public static TheoryData<string> Accepted => new()
    {
        "root ::= \"a\"",
        "root ::= [a-z]+",
        "root ::= ( \"a\" | \"b\" )* \"c\"",
        "# leading comment\nroot ::= x # trailing comment\nx ::= \"y\"\n",
        "root ::= x\r\nx ::= \"y\"\r\n",
        "root ::= [^\"\\\\]{0,10}",
        "root ::= \"x\"{3} \"y\"{2,} \"z\"{1,5} \"w\"{0,1000}",
        "root ::= \"\\x41\\u00e9\\U0001F600\\t\\n\\r\\\\\\\"\\[\\]\\-\"",
        "root ::= (\n  \"a\"\n  | \"b\"\n)",
        "root ::= . .*",
        "root ::= [-a] [a-] [\\]] [\\x20-\\x7E]",
        "root ::= \"é😀\" [à-ÿ]",
        "root ::= item item\nitem ::= \"a\" | \"b\" item",
        "root ::= \"a\"?\nroot ::= \"b\"",
        Nested(64),
        Ambiguous(7),
        LlamaCppJson,
        "root ::= value\nvalue ::= object | array | \"1\"\nobject ::= \"{\" ( value ( \",\" value )* )? \"}\"\narray ::= \"[\" ( value ( \",\" value )* )? \"]\"",
    };

    public static TheoryData<string, string> Refused => new()
    {
        { "root ::= [b-a]", "inverted" },
        { "root ::= [\\x7F-\\x20]", "inverted" },
        { "root ::= []", "empty character class" },
        { "root ::= [^]", "empty character class" },
        { "root ::= [^\\x00-\\U0010FFFF]", "matches no character" },
        { "root ::= [^\\x01-\\uFFFF\\U00010000-\\U0010FFFF]", "matches no character" },
        { "root ::= [\\x00]", "matches no character" },
        { "root ::= \"\\x00\"", "NUL" },
        { "root ::= \"a\0\"", "NUL" },
        { "root ::= \"\\UFFFFFFFF\"", "beyond" },
        { Nested(65), "limit on nesting" },
        { Nested(20_000), "limit on nesting" },
        { Nested(100_000), "limit on nesting" },
        { "root ::= \"a\"{5,2}", "upper bound below" },
        { "root ::= \"a\"{1001}", "limit on repetitions" },
        { "root ::= \"a\"{0,1001}", "limit on repetitions" },
        { "root ::= \"a\"{99999999999999999999}", "limit on repetitions" },
        { "root ::= \"a\"{1000}{1000}", "repeated rules" },
        { "root ::= ( ( \"a\" | \"b\" ){1,100} ){1,100}", "repeated rules" },
        { "root ::= ( ( ( \"a\" ) | \"b\" ) | \"c\" ){1,1000}", "repeated rules" },
        { "root ::= \"" + new string('a', 250) + "\"{1000}", "elements" },
        { "root ::= [a-z]{0,1000} [a-z]{0,1000} [a-z]{0,1000} [a-z]{0,1000} [a-z]{0,1000}", "rules" },
        { Chain(5000), "rules" },
        { "root ::= \"a\" {", "expecting a number" },
        { "root ::= \"a\"{1", "expecting '}'" },
        { "root ::= x", "never defined" },
        { "root ::= \"a\" | missing-rule", "'missing-rule'" },
        { "x ::= \"a\"", "no 'root'" },
        { "", "no 'root'" },
        { "root ::= \"a", "unterminated string" },
        { "root ::= [a", "unterminated character class" },
        { "root ::= [a-", "unterminated character class" },
        { "root ::= ( \"a\"", "expecting ')'" },
        { "root ::= \"a\" )", "expecting a newline" },
        { "root = \"a\"", "expecting '::='" },
        { "::= \"a\"", "expecting a rule name" },
        { "root_1 ::= \"a\"", "expecting '::='" },
        { "root ::= \"\\q\"", "unknown escape" },
        { "root ::= \"\\x4\"", "2 hex digits" },
        { "root ::= \"\\u12\"", "4 hex digits" },
        { "root ::= <[5]>", "token references" },
        { "root ::= !<[5]>", "token references" },
        { "root ::= *", "needs an item" },
        { "root ::= \"\"*", "needs an item" },
        { "root ::= \"a\"{0}+", "needs an item" },
        { new string('#', 300_000), "the limit is" },
        { Ambiguous(8), "limit on ambiguity" },
        { Ambiguous(17), "limit on ambiguity" },
        { Ambiguous(24), "limit on ambiguity" },
        { "root ::= a0\n" + string.Concat(Enumerable.Range(0, 20).Select(i => $"a{i} ::= a{i + 1}? a{i + 1}\n")) + "a20 ::= \"x\"", "limit on ambiguity" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void A_grammar_llama_cpp_parses_safely_passes_unchanged(string grammar)
    {
        var result = GbnfChecker.Check(grammar);

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal(grammar, result.Grammar);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_grammar_that_could_hurt_the_process_is_refused_with_the_reason(string grammar, string reason)
    {
        var result = GbnfChecker.Check(grammar);

        Assert.False(result.IsSuccess);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(GrammarSchemas))]
    public void Every_grammar_built_from_a_schema_passes(GrammarTestSchema schema) =>
        Assert.True(GbnfChecker.Check(JsonSchemaGrammar.Convert(schema.Schema).Grammar!).IsSuccess);

    public static TheoryData<GrammarTestSchema> GrammarSchemas() => [.. GrammarTestSchemas.All];

    [Fact]
    public void Limits_can_be_tightened()
    {
        var limits = new GbnfLimits(MaxNesting: 2, MaxRepetition: 3);

        Assert.True(GbnfChecker.Check("root ::= ((\"a\")){3}", limits).IsSuccess);
        Assert.False(GbnfChecker.Check("root ::= (((\"a\")))", limits).IsSuccess);
        Assert.False(GbnfChecker.Check("root ::= \"a\"{4}", limits).IsSuccess);
    }

    /// <summary>Each level offers the same thing twice, so that the parse paths double per level.</summary>
    /// <summary>llama.cpp's own <c>grammars/json.gbnf</c>, the grammar users most often paste.</summary>
    private const string LlamaCppJson = """
        root   ::= object
        value  ::= object | array | string | number | ("true" | "false" | "null") ws
        object ::= "{" ws ( string ":" ws value ("," ws string ":" ws value)* )? "}" ws
        array  ::= "[" ws ( value ("," ws value)* )? "]" ws
        string ::= "\"" ( [^"\\\x7F\x00-\x1F] | "\\" (["\\bfnrt] | "u" [0-9a-fA-F]{4}) )* "\"" ws
        number ::= ("-"? ([0-9] | [1-9] [0-9]{0,15})) ("." [0-9]+)? ([eE] [-+]? [0-9] [1-9]{0,15})? ws
        ws ::= | " " | "\n" [ \t]{0,20}
        """;

    public static string Ambiguous(int levels) =>
        "root ::= a0\n" + string.Concat(Enumerable.Range(0, levels).Select(i => $"a{i} ::= a{i + 1} \"y\" | a{i + 1} \"y\"\n")) + $"a{levels} ::= \"x\"";

    private static string Nested(int depth) => "root ::= " + new string('(', depth) + "\"a\"" + new string(')', depth);

    private static string Chain(int rules)
    {
        var text = new StringBuilder("root ::= r0\n");
        for (var i = 0; i < rules; i++)
        {
            text.Append('r').Append(i).Append(" ::= r").Append(i + 1).Append(" | \"x\"\n");
        }

        return text.Append('r').Append(rules).Append(" ::= \"end\"\n").ToString();
    }
}
