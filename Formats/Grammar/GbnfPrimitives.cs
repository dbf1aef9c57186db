namespace LocalOpenAi.Formats.Grammar;

/// <summary>The JSON building blocks, in llama.cpp's GBNF dialect: compact JSON (no whitespace between tokens) and bounded digit runs.</summary>
/// <remarks>
/// A string character excludes the values llama.cpp decodes from byte sequences that are not UTF-8
/// (surrogates, beyond U+10FFFF): each would decode to several U+FFFD here and break <c>maxLength</c>.
/// </remarks>
internal static class GbnfPrimitives
{
    public static readonly IReadOnlyDictionary<string, string> Rules = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["value"] = "object | array | string | number | boolean | null",
        ["object"] = "\"{\" ( string \":\" value ( \",\" string \":\" value )* )? \"}\"",
        ["array"] = "\"[\" ( value ( \",\" value )* )? \"]\"",
        ["string"] = "\"\\\"\" char* \"\\\"\"",
        ["char"] = "[^\"\\\\\\x7F\\x00-\\x1F\\uD800-\\uDFFF\\U00110000-\\U003FFFFF] | [\\\\] ( [\"\\\\/bfnrt] | \"u\" [0-9a-fA-F]{4} )",
        ["number"] = "\"-\"? integral-part ( \".\" [0-9]{1,16} )? ( [eE] [-+]? [0-9]{1,3} )?",
        ["integer"] = "\"-\"? integral-part",
        ["integral-part"] = "\"0\" | [1-9] [0-9]{0,15}",
        ["boolean"] = "\"true\" | \"false\"",
        ["null"] = "\"null\"",
        ["date"] = "[0-9]{4} \"-\" ( \"0\" [1-9] | \"1\" [0-2] ) \"-\" ( \"0\" [1-9] | [1-2] [0-9] | \"3\" [0-1] )",
        ["time"] = "( [01] [0-9] | \"2\" [0-3] ) \":\" [0-5] [0-9] \":\" [0-5] [0-9] ( \".\" [0-9]{1,9} )? ( \"Z\" | [+-] ( [01] [0-9] | \"2\" [0-3] ) \":\" [0-5] [0-9] )",
        ["date-time"] = "date \"T\" time",
        ["uuid"] = "[0-9a-fA-F]{8} \"-\" [0-9a-fA-F]{4} \"-\" [0-9a-fA-F]{4} \"-\" [0-9a-fA-F]{4} \"-\" [0-9a-fA-F]{12}",
    };

    /// <summary>The rules each primitive refers to, so that only what is used is written.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Dependencies = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["value"] = ["object", "array", "string", "number", "boolean", "null"],
        ["object"] = ["string", "value"],
        ["array"] = ["value"],
        ["string"] = ["char"],
        ["number"] = ["integral-part"],
        ["integer"] = ["integral-part"],
        ["date-time"] = ["date", "time"],
    };

    public static string Use(GbnfRuleSet rules, string name)
    {
        if (!rules.Contains(name))
        {
            rules.Set(name, Rules[name]);
            foreach (var dependency in Dependencies.GetValueOrDefault(name, []))
            {
                Use(rules, dependency);
            }
        }

        return name;
    }
}
