namespace LocalOpenAi.Engine.Native;

/// <summary>A sequence of a llama.cpp context (<c>llama_seq_id</c>): typed, so that it cannot be passed where a token or a position goes.</summary>
internal readonly record struct SequenceId(int Value)
{
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
