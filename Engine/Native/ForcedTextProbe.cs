namespace LocalOpenAi.Engine.Native;

/// <summary>
/// Finds the bytes a grammar forces next: when it admits exactly one first byte and no end (see
/// <see cref="GrammarByteProbe"/>), every admitted continuation starts with that byte.
/// </summary>
/// <remarks>
/// The first check runs on the request's own grammar (applying does not change its state); only a
/// forced byte makes a copy of the grammar to advance. Touched only by the scheduler thread.
/// </remarks>
internal sealed class ForcedTextProbe
{
    private readonly GrammarByteProbe _probe;

    private ForcedTextProbe(GrammarByteProbe probe) => _probe = probe;

    /// <summary>Null when the vocabulary lacks a single-byte token for some byte of UTF-8 text: the probe could not see every continuation.</summary>
    public static ForcedTextProbe? Create(NativeModel model) =>
        model.FirstByteTokens.CoversTextBytes ? new ForcedTextProbe(new GrammarByteProbe(model.FirstByteTokens)) : null;

    /// <summary>The bytes <paramref name="grammar"/> forces from its current state, at most <paramref name="maxBytes"/>; empty when it branches at once.</summary>
    public byte[] Probe(SafeLlamaSamplerHandle grammar, int maxBytes)
    {
        var forced = new List<byte>();
        SafeLlamaSamplerHandle? copy = null;
        try
        {
            while (forced.Count < maxBytes)
            {
                var (admitted, onlyByte, endAdmitted) = _probe.Ask(copy ?? grammar);
                if (endAdmitted || admitted != 1)
                {
                    break;
                }

                copy ??= LlamaNative.SamplerClone(grammar);
                if (copy.IsInvalid)
                {
                    break;
                }

                forced.Add((byte)onlyByte);
                LlamaNative.SamplerAccept(copy, _probe.Tokens.ByteToken(onlyByte));
            }

            return [.. forced];
        }
        finally
        {
            copy?.Dispose();
        }
    }
}
