namespace LocalOpenAi.Formats.Grammar;

/// <summary>One end of a number range from <c>minimum</c>/<c>maximum</c> or their exclusive forms.</summary>
internal readonly record struct NumberBound(decimal Value, bool Inclusive)
{
    /// <summary>The tighter of two lower bounds: the greater value, and exclusive when the values tie.</summary>
    public static NumberBound? TighterLow(NumberBound? a, NumberBound? b) =>
        a is null ? b : b is null ? a : a.Value.Value != b.Value.Value ? (a.Value.Value > b.Value.Value ? a : b) : a.Value with { Inclusive = a.Value.Inclusive && b.Value.Inclusive };

    /// <summary>The tighter of two upper bounds: the smaller value, and exclusive when the values tie.</summary>
    public static NumberBound? TighterHigh(NumberBound? a, NumberBound? b) =>
        a is null ? b : b is null ? a : a.Value.Value != b.Value.Value ? (a.Value.Value < b.Value.Value ? a : b) : a.Value with { Inclusive = a.Value.Inclusive && b.Value.Inclusive };

    /// <summary>Whether no number lies between <paramref name="low"/> and <paramref name="high"/>.</summary>
    public static bool IsEmpty(NumberBound? low, NumberBound? high) =>
        low is { } l && high is { } h && (l.Value > h.Value || (l.Value == h.Value && !(l.Inclusive && h.Inclusive)));
}
