namespace LocalOpenAi.Formats.Grammar;

/// <summary>One item of a grammar sequence as <see cref="GbnfParser"/> records it: a terminal (<paramref name="Rule"/> -1) or a rule reference, and whether it may match nothing.</summary>
internal readonly record struct GbnfItem(int Rule, bool Nullable);
