using System.Text;
using LocalOpenAi.Engine.Generation;
using LocalOpenAi.Engine.Native;

namespace LocalOpenAi.Engine.Scheduling;

/// <remarks>
/// Jump-forward decoding: after a sampled token, the text the grammar forces (keys, punctuation, the
/// rest of an unambiguous enum value) is tokenized as the model's tokenizer would in context, accepted
/// into the grammar, emitted as output, and decoded in the slot's next batch together with the sampled
/// token; the next token is sampled from the last one's logits. Requests without a grammar never probe.
/// </remarks>
public sealed partial class InferenceScheduler
{
    private const int MaxForcedTokens = 32;
    private const int MaxForcedBytes = 256;
    private const int TailTokens = 8;
    private readonly bool _jumpForward;
    private readonly int _forcedPerSlot;
    private ForcedTextProbe? _forcedProbe;
    private ForcedTokenizer? _forcedTokenizer;
    private bool _forcingReady;

    private void ForceAfter(Slot slot)
    {
        var active = slot.Active!;
        if (!_jumpForward || !active.Sampler.HasGrammar || active.Request.TopLogprobs is not null || Probe() is not { } probe)
        {
            return;
        }

        if (!ForcingIsFree(slot))
        {
            return;
        }

        var room = Math.Min(Math.Min(_forcedPerSlot, (active.Request.MaxTokens ?? int.MaxValue) - slot.GeneratedTokens), ContextSizePerSlot - slot.CachedTokens.Count - 2);
        if (room <= 0)
        {
            return;
        }

        var forced = active.Sampler.FindForcedText(probe, MaxForcedBytes);
        if (forced.Length == 0)
        {
            return;
        }

        var tokens = _forcedTokenizer!.Tokenize(PreviousOutput(slot), forced, room);
        var accepted = active.Sampler.AcceptForced(tokens);
        if (accepted == 0)
        {
            return;
        }

        var run = tokens[..accepted];
        var text = new StringBuilder();
        foreach (var token in run)
        {
            text.Append(AppendText(slot, token));
        }

        slot.Forced.AddRange(run);
        slot.GeneratedTokens += accepted;
        slot.ForcedTokens += accepted;
        active.Output.Writer.TryWrite(new GenerationChunk(text.ToString(), ForcedTokens: run));
        FinishIfDone(slot);
    }

    /// <summary>
    /// Whether the slot's next step can carry a forced run without slowing other streams: alone, or while a prompt
    /// is read. With one KV stream per slot llama.cpp splits a step into passes that take as many tokens from every
    /// slot (<c>split_equal</c>), so several tokens of one slot beside one token of others cost a second pass over
    /// the weights, which a prompt chunk costs anyway. Otherwise the grammar's forced text is sampled token by token.
    /// </summary>
    private bool ForcingIsFree(Slot slot) =>
        !_slots.Any(other => other != slot && other.IsGenerating) || _slots.Any(other => other.IsPrefilling);

    /// <summary>The last output tokens, ending with the one just sampled: the context the forced text is tokenized in.</summary>
    private static int[] PreviousOutput(Slot slot)
    {
        var cached = Math.Min(TailTokens - 1, slot.GeneratedTokens - 1);
        return [.. slot.CachedTokens.GetRange(slot.CachedTokens.Count - cached, cached), slot.PendingToken];
    }

    private ForcedTextProbe? Probe()
    {
        if (!_forcingReady)
        {
            _forcedProbe = ForcedTextProbe.Create(_model.Native);
            _forcedTokenizer = new ForcedTokenizer(_model.Native);
            _forcingReady = true;
        }

        return _forcedProbe;
    }
}
