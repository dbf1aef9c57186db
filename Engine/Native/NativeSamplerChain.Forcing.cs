namespace LocalOpenAi.Engine.Native;

internal sealed partial class NativeSamplerChain
{
    /// <summary>Whether a grammar constrains the output, so that some of it may be forced.</summary>
    public bool HasGrammar => _grammar is not null;

    /// <summary>The text the grammar admits as the only continuation from its current state (none without a grammar).</summary>
    public byte[] FindForcedText(ForcedTextProbe probe, int maxBytes) =>
        _grammar is null ? [] : probe.Probe(_grammar, maxBytes);

    /// <summary>
    /// Accepts <paramref name="tokens"/> in order as if each had been sampled, stopping at the first one the
    /// grammar does not admit; returns how many were accepted.
    /// </summary>
    public int AcceptForced(ReadOnlySpan<int> tokens)
    {
        if (_grammar is null)
        {
            return 0;
        }

        for (var i = 0; i < tokens.Length; i++)
        {
            if (!Admits(tokens[i], out var next))
            {
                return i;
            }

            Accept(tokens[i], next);
        }

        return tokens.Length;
    }
}
