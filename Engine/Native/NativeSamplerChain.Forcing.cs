namespace LocalOpenAi.Engine.Native;

internal sealed unsafe partial class NativeSamplerChain
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
            var candidate = new LlamaTokenData { Id = tokens[i] };
            var candidates = new LlamaTokenDataArray { Data = &candidate, Size = 1, Selected = -1 };
            LlamaNative.SamplerApply(_grammar, &candidates);
            if (float.IsNegativeInfinity(candidate.Logit) || _utf8Tokens!.After(_utf8, tokens[i]) is not { } next)
            {
                return i;
            }

            LlamaNative.SamplerAccept(_grammar, tokens[i]);
            _utf8 = next;
            LlamaNative.SamplerAccept(_chain, tokens[i]);
        }

        return tokens.Length;
    }
}
