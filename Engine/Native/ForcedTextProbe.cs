namespace LocalOpenAi.Engine.Native;

/// <summary>
/// Finds the bytes a grammar forces next by offering it only the vocabulary's single-byte tokens
/// (and its end-of-generation tokens): a grammar admits a token only if it admits the token's first
/// byte, so when it admits exactly one byte and no end, every admitted continuation starts with that byte.
/// </summary>
/// <remarks>
/// A probe costs a few hundred candidate checks per forced byte instead of the whole vocabulary, and
/// the first check runs on the request's own grammar (applying does not change its state); only a
/// forced byte makes a copy of the grammar to advance. Touched only by the scheduler thread.
/// </remarks>
internal sealed unsafe class ForcedTextProbe
{
    private const int ByteValues = 256;
    private readonly int[] _tokens;
    private readonly LlamaTokenData[] _candidates;

    private ForcedTextProbe(int[] tokens)
    {
        _tokens = tokens;
        _candidates = new LlamaTokenData[tokens.Length];
    }

    /// <summary>Null when the vocabulary lacks a single-byte token for some byte of UTF-8 text: the probe could not see every continuation.</summary>
    public static ForcedTextProbe? Create(NativeModel model)
    {
        var byteTokens = new int[ByteValues];
        Array.Fill(byteTokens, -1);
        var endTokens = new List<int>();
        var pieces = model.Utf8Tokens;
        for (var token = 0; token < pieces.Count; token++)
        {
            var piece = pieces.Piece(token);
            if (piece.Length == 1 && byteTokens[piece[0]] < 0)
            {
                byteTokens[piece[0]] = token;
            }
            else if (model.IsEndOfGeneration(token))
            {
                endTokens.Add(token);
            }
        }

        var textBytes = Enumerable.Range(1, 0xF4).Where(value => value is not (0xC0 or 0xC1));
        return textBytes.All(value => byteTokens[value] >= 0) ? new ForcedTextProbe([.. byteTokens, .. endTokens]) : null;
    }

    /// <summary>The bytes <paramref name="grammar"/> forces from its current state, at most <paramref name="maxBytes"/>; empty when it branches at once.</summary>
    public byte[] Probe(SafeLlamaSamplerHandle grammar, int maxBytes)
    {
        var forced = new List<byte>();
        SafeLlamaSamplerHandle? copy = null;
        try
        {
            while (forced.Count < maxBytes)
            {
                var (admitted, onlyByte, endAdmitted) = Admitted(copy ?? grammar);
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
                LlamaNative.SamplerAccept(copy, _tokens[onlyByte]);
            }

            return [.. forced];
        }
        finally
        {
            copy?.Dispose();
        }
    }

    private (int Admitted, int OnlyByte, bool EndAdmitted) Admitted(SafeLlamaSamplerHandle grammar)
    {
        for (var i = 0; i < _tokens.Length; i++)
        {
            _candidates[i] = new LlamaTokenData { Id = Math.Max(_tokens[i], 0) };
        }

        fixed (LlamaTokenData* data = _candidates)
        {
            var candidates = new LlamaTokenDataArray { Data = data, Size = (nuint)_candidates.Length, Selected = -1 };
            LlamaNative.SamplerApply(grammar, &candidates);
        }

        var (admitted, onlyByte, endAdmitted) = (0, -1, false);
        for (var i = 0; i < _tokens.Length; i++)
        {
            if (_tokens[i] < 0 || float.IsNegativeInfinity(_candidates[i].Logit))
            {
                continue;
            }

            if (i >= ByteValues)
            {
                endAdmitted = true;
            }
            else
            {
                admitted++;
                onlyByte = i;
            }
        }

        return (admitted, onlyByte, endAdmitted);
    }
}
