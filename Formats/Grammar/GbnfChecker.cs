namespace LocalOpenAi.Formats.Grammar;

/// <summary>
/// Checks a raw GBNF grammar in managed code before llama.cpp ever sees it, so that no grammar a
/// client sends can crash, hang or starve the process.
/// </summary>
/// <remarks>
/// Each check and the llama.cpp failure it prevents:
/// <list type="bullet">
/// <item>Length (<see cref="GbnfLimits.MaxLength"/>) and expanded rules and elements
/// (<see cref="GbnfLimits.MaxRules"/>, <see cref="GbnfLimits.MaxElements"/>): the parser's vectors
/// growing until every thread blocks on the allocator, and <c>llama_grammar_detect_left_recursion</c>
/// recursing once per rule on the native stack.</item>
/// <item>Nesting of parentheses (<see cref="GbnfLimits.MaxNesting"/>): <c>parse_alternates</c> and
/// <c>parse_sequence</c> recurse once per group and overflow the native stack (20,000 levels).</item>
/// <item>Repetition bounds (<see cref="GbnfLimits.MaxRepetition"/>, <c>{m,n}</c> with n below m):
/// <c>handle_repetitions</c> computes <c>n - m</c> unsigned, so an inverted pair loops for 2^64 rules.</item>
/// <item>Empty, inverted or all-excluding character classes (<c>[]</c>, <c>[b-a]</c>), literal NUL,
/// escapes beyond U+3FFFFF: a rule no token can satisfy leaves the grammar with no stack, and
/// <c>llama_grammar_accept_impl</c> throws <c>std::runtime_error</c> on the decode thread, which aborts
/// the process.</item>
/// <item>Overlapping alternatives (<see cref="GbnfLimits.MaxParsePaths"/>): llama.cpp keeps one stack per
/// parse path, so nested ambiguous alternatives grow its stacks as 2^depth: a few hundred bytes pin a
/// core (and the memory) while the sampler is built, beyond the reach of any time budget.</item>
/// <item>Syntax, undefined rules and a missing <c>root</c>: llama.cpp answers these with a null sampler
/// (checked here only to give the client a precise message). Token references (<c>&lt;...&gt;</c>)
/// are refused because their ids are not checked against the vocabulary by llama.cpp.</item>
/// </list>
/// </remarks>
public static class GbnfChecker
{
    /// <summary>The grammar unchanged when it passes every check, or the first problem found.</summary>
    public static GrammarResult Check(string grammar, GbnfLimits? limits = null)
    {
        limits ??= GbnfLimits.Default;
        if (grammar.Length > limits.MaxLength)
        {
            return GrammarResult.Failure($"The grammar has {grammar.Length} characters; the limit is {limits.MaxLength}.");
        }

        if (grammar.Contains('\0'))
        {
            return GrammarResult.Failure("The grammar contains a NUL character.");
        }

        try
        {
            new GbnfParser(grammar, limits).Parse();
            return GrammarResult.Success(grammar);
        }
        catch (GbnfSyntaxException exception)
        {
            return GrammarResult.Failure($"Invalid grammar: {exception.Message}");
        }
        catch (InsufficientExecutionStackException)
        {
            return GrammarResult.Failure("Invalid grammar: its rules refer to each other in chains too long to check.");
        }
    }
}
