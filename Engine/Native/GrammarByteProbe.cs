using LocalOpenAi.Engine.Text;

namespace LocalOpenAi.Engine.Native;

/// <summary>
/// Asks a grammar, from its current state, which first bytes it admits: it is offered only the vocabulary's
/// single-byte tokens and its end-of-generation tokens, a few hundred candidate checks instead of the whole
/// vocabulary. Applying does not change the grammar's state. One probe per thread: it reuses its buffers.
/// </summary>
internal sealed class GrammarByteProbe
{
    private readonly FirstByteTokens _tokens;
    private readonly LlamaTokenData[] _candidates;
    private readonly bool[] _admitted = new bool[FirstByteTokens.ByteValues];

    public GrammarByteProbe(FirstByteTokens tokens)
    {
        _tokens = tokens;
        _candidates = new LlamaTokenData[FirstByteTokens.ByteValues + tokens.EndTokens.Length];
    }

    public FirstByteTokens Tokens => _tokens;

    /// <summary>Asks <paramref name="grammar"/>; then <see cref="MayStartWith"/> answers per byte.</summary>
    /// <returns>How many byte values it admits, the last one admitted, and whether it may end here.</returns>
    public (int Admitted, int OnlyByte, bool EndAdmitted) Ask(SafeLlamaSamplerHandle grammar)
    {
        for (var value = 0; value < FirstByteTokens.ByteValues; value++)
        {
            _candidates[value] = new LlamaTokenData { Id = Math.Max(_tokens.ByteToken(value), 0) };
        }

        for (var i = 0; i < _tokens.EndTokens.Length; i++)
        {
            _candidates[FirstByteTokens.ByteValues + i] = new LlamaTokenData { Id = _tokens.EndTokens[i] };
        }

        LlamaNative.SamplerApply(grammar, _candidates);

        var (admitted, onlyByte, endAdmitted) = (0, -1, false);
        for (var value = 0; value < FirstByteTokens.ByteValues; value++)
        {
            var known = _tokens.ByteToken(value) >= 0;
            _admitted[value] = !known || !float.IsNegativeInfinity(_candidates[value].Logit);
            if (known && _admitted[value])
            {
                admitted++;
                onlyByte = value;
            }
        }

        for (var i = FirstByteTokens.ByteValues; i < _candidates.Length; i++)
        {
            endAdmitted |= !float.IsNegativeInfinity(_candidates[i].Logit);
        }

        return (admitted, onlyByte, endAdmitted);
    }

    /// <summary>After <see cref="Ask"/>: false only when the grammar rules out every token starting with <paramref name="value"/> (a byte without a single-byte token cannot be asked about, so it may).</summary>
    public bool MayStartWith(int value) => _admitted[value];
}
