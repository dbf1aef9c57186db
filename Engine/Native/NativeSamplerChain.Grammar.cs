using System.Diagnostics;
using LocalOpenAi.Engine.Text;

namespace LocalOpenAi.Engine.Native;

/// <remarks>
/// Grammar last, as llama.cpp's common sampler (and so llama-server) applies it: the chain chooses from the
/// model's own distribution, and when the grammar admits that token it is kept, one candidate check instead of
/// a whole vocabulary. Only when it does not is the grammar applied before the chain, and then only to the
/// tokens whose first byte the grammar and UTF-8 admit (see <see cref="GrammarByteProbe"/>): for JSON
/// punctuation and keys, or a grammar with many parse paths, a small share of the vocabulary. Keeping an
/// admitted draw and otherwise drawing from the admitted tokens is, for a softmax draw, the same distribution
/// as drawing from the admitted tokens alone.
/// </remarks>
internal sealed partial class NativeSamplerChain
{
    private bool TrySampleConstrained(ReadOnlySpan<float> logits, out int token, out string failure)
    {
        failure = string.Empty;
        if (TryChoose(FillAll(logits), out token) && Admits(token, out var next))
        {
            Accept(token, next);
            return true;
        }

        var started = Stopwatch.GetTimestamp();
        var count = FillAdmissible(logits);
        LlamaNative.SamplerApply(_grammar!, _candidates.AsSpan(0, count));

        if (Stopwatch.GetElapsedTime(started) > _grammarBudget)
        {
            failure = $"The grammar took longer than {_grammarBudget.TotalMilliseconds:0} ms to constrain one token; the request was ended so that it does not stall other requests.";
            return false;
        }

        if (!KeepUtf8Valid(count) || !TryChoose(count, out token))
        {
            failure = NoTokenAllowed;
            return false;
        }

        Accept(token, _utf8Tokens!.After(_utf8, token)!.Value);
        return true;
    }

    /// <summary>Whether the grammar and strict UTF-8 admit <paramref name="token"/> next, with the UTF-8 state after it.</summary>
    private bool Admits(int token, out Utf8Pending next)
    {
        Span<LlamaTokenData> candidate = [new LlamaTokenData { Id = token }];
        LlamaNative.SamplerApply(_grammar!, candidate);
        var after = _utf8Tokens!.After(_utf8, token);
        next = after ?? Utf8Pending.Boundary;
        return !float.IsNegativeInfinity(candidate[0].Logit) && after is not null;
    }

    private void Accept(int token, Utf8Pending next)
    {
        LlamaNative.SamplerAccept(_grammar!, token);
        _utf8 = next;
        LlamaNative.SamplerAccept(_chain, token);
    }

    /// <summary>Fills the candidates with the tokens the grammar may admit (by first byte), the end and the textless tokens; returns how many.</summary>
    private int FillAdmissible(ReadOnlySpan<float> logits)
    {
        var probe = _byteProbe!;
        probe.Ask(_grammar!);
        var count = 0;
        Span<byte> first = stackalloc byte[1];
        for (var value = 0; value < FirstByteTokens.ByteValues; value++)
        {
            first[0] = (byte)value;
            if (probe.MayStartWith(value) && _utf8.Feed(first) is not null)
            {
                count = Add(probe.Tokens.StartingWith(value), logits, count);
            }
        }

        count = Add(probe.Tokens.EndTokens, logits, count);
        return Add(probe.Tokens.Textless, logits, count);
    }

    private int Add(ReadOnlySpan<int> tokens, ReadOnlySpan<float> logits, int count)
    {
        foreach (var token in tokens)
        {
            _candidates[count++] = new LlamaTokenData { Id = token, Logit = logits[token] };
        }

        return count;
    }

    /// <summary>Rules out the candidates that would break UTF-8; false when none is left.</summary>
    private bool KeepUtf8Valid(int count)
    {
        var any = false;
        for (var i = 0; i < count; i++)
        {
            ref var candidate = ref _candidates[i];
            if (!float.IsNegativeInfinity(candidate.Logit) && _utf8Tokens!.After(_utf8, candidate.Id) is null)
            {
                candidate.Logit = float.NegativeInfinity;
            }

            any |= !float.IsNegativeInfinity(candidate.Logit);
        }

        return any;
    }
}
