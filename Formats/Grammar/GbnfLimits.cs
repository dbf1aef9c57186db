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
/// <param name="MaxParsePaths">Parse paths followed at once, bounded from above: llama.cpp keeps a stack per path and checks each token against every one, so overlapping alternatives nested k deep cost 2^k. Filtering runs on the decode thread, so every other stream waits for it, and it costs paths × vocabulary: with a 128k-token vocabulary, 1,024 paths cost about 300 ms a step against a 35 ms decode (<c>benchmarks/constrained-neighbour.sh</c>); 128 still admits llama.cpp's json.gbnf (under 32) and a choice among 128 words.</param>
public sealed record GbnfLimits(
    int MaxLength = 256 * 1024,
    int MaxNesting = 64,
    int MaxRepetition = 1000,
    int MaxRules = 4096,
    int MaxElements = 200_000,
    long MaxParsePaths = 128)
{
    /// <summary>The defaults above.</summary>
    public static GbnfLimits Default { get; } = new();

    /// <summary>
    /// The defaults without the ambiguity bound: for grammars built from JSON Schemas, whose overlap
    /// <see cref="JsonSchemaLimits.MaxAlternativePaths"/> bounds more tightly than the estimate here can.
    /// </summary>
    public static GbnfLimits Generated { get; } = new() { MaxParsePaths = long.MaxValue };
}
