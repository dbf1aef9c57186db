namespace LocalOpenAi.Formats.Grammar;

/// <summary>
/// What a raw GBNF grammar may cost before llama.cpp sees it. Each bound keeps one llama.cpp
/// failure out of the process: see <see cref="GbnfChecker"/>.
/// </summary>
/// <param name="MaxLength">Characters in the grammar text.</param>
/// <param name="MaxNesting">Depth of nested parentheses (llama.cpp parses groups recursively on the native stack).</param>
/// <param name="MaxRepetition">Largest bound in <c>{m}</c>, <c>{m,}</c> and <c>{m,n}</c>.</param>
/// <param name="MaxRules">Rules after llama.cpp expands groups and repetitions into rules of their own.</param>
/// <param name="MaxElements">Grammar elements after that expansion (the memory llama.cpp allocates).</param>
/// <param name="MaxParsePaths">Parse paths followed at once, bounded from above: llama.cpp keeps a stack per path and checks each token against every one, so overlapping alternatives nested k deep cost 2^k. Filtering runs on the decode thread, so every other stream waits for it: 1,024 keeps a step's filtering within a few decode steps of a small CPU model, where 4,096 cost about ten (<c>benchmarks/constrained-neighbour.sh</c>).</param>
public sealed record GbnfLimits(
    int MaxLength = 256 * 1024,
    int MaxNesting = 64,
    int MaxRepetition = 1000,
    int MaxRules = 4096,
    int MaxElements = 200_000,
    long MaxParsePaths = 1_024)
{
    /// <summary>The defaults above.</summary>
    public static GbnfLimits Default { get; } = new();

    /// <summary>
    /// The defaults without the ambiguity bound: for grammars built from JSON Schemas, whose overlap
    /// <see cref="JsonSchemaLimits.MaxAlternativePaths"/> bounds more tightly than the estimate here can.
    /// </summary>
    public static GbnfLimits Generated { get; } = new() { MaxParsePaths = long.MaxValue };
}
