using System.Diagnostics;
using System.Runtime.InteropServices;
using LocalOpenAi.Engine.Generation;

namespace LocalOpenAi.Engine.Scheduling;

public sealed partial class InferenceScheduler
{
    private readonly List<byte> _pieceBuffer = new(64);

    /// <summary>After a successful decode: sample for every slot that produced logits and emit its text.</summary>
    private void CommitBatch()
    {
        foreach (var slot in _slots)
        {
            if (slot.Active is not { } active || slot.BatchRow < 0)
            {
                continue;
            }

            slot.Forced.Clear();
            if (slot.FirstTokenAt == 0)
            {
                slot.FirstTokenAt = Stopwatch.GetTimestamp();
            }

            if (!active.Sampler.TrySample(_context.GetLogits(slot.BatchRow), out var token, out var failure))
            {
                Finish(slot, FinishReason.Error, failure);
                continue;
            }

            slot.GeneratedTokens++;
            if (!active.Request.IgnoreEndOfGeneration && _model.IsEndOfGeneration(token))
            {
                Finish(slot, FinishReason.Stop);
                continue;
            }

            var logprob = active.Request.TopLogprobs is { } top
                ? LogprobCalculator.Compute(_context.GetLogits(slot.BatchRow), token, top, PieceText, PieceBytes)
                : null;
            Emit(slot, token, logprob);
        }
    }

    private void Emit(Slot slot, int token, TokenLogprob? logprob)
    {
        var text = AppendText(slot, token);
        if (logprob is not null)
        {
            slot.Logprobs!.Add(logprob);
        }

        if (text.Length > 0 || logprob is not null)
        {
            slot.Active!.Output.Writer.TryWrite(new GenerationChunk(text, TakeLogprobs(slot)));
        }

        if (!FinishIfDone(slot))
        {
            slot.PendingToken = token;
            ForceAfter(slot);
        }
    }

    private string AppendText(Slot slot, int token)
    {
        _pieceBuffer.Clear();
        _model.Native.AppendPiece(token, renderSpecial: false, _pieceBuffer);
        return slot.Stops.Append(slot.Decoder.Append(CollectionsMarshal.AsSpan(_pieceBuffer)));
    }

    /// <summary>Ends the generation when a stop sequence appeared or no room is left for another token; true when it did.</summary>
    private bool FinishIfDone(Slot slot)
    {
        if (slot.Stops.Stopped)
        {
            Finish(slot, FinishReason.Stop);
            return true;
        }

        if (slot.GeneratedTokens >= (slot.Active!.Request.MaxTokens ?? int.MaxValue) || slot.CachedTokens.Count + 1 + slot.Forced.Count >= ContextSizePerSlot)
        {
            Finish(slot, FinishReason.Length);
            return true;
        }

        return false;
    }

    private void Finish(Slot slot, FinishReason reason, string? error = null)
    {
        var active = slot.Active!;
        _endedThisStep += reason is FinishReason.Stop or FinishReason.Length ? 1 : 0;
        var rest = reason is FinishReason.Stop or FinishReason.Length
            ? slot.Stops.Append(slot.Decoder.Flush()) + slot.Stops.Flush()
            : string.Empty;
        var now = Stopwatch.GetTimestamp();
        var usage = new GenerationUsage(
            PromptTokens: active.Request.PromptTokens.Count,
            CachedPromptTokens: slot.ReusedPromptTokens,
            CompletionTokens: slot.GeneratedTokens,
            QueueWait: Stopwatch.GetElapsedTime(active.EnqueuedAt, slot.StartedAt),
            TimeToFirstToken: slot.FirstTokenAt == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(active.EnqueuedAt, slot.FirstTokenAt),
            Duration: Stopwatch.GetElapsedTime(active.EnqueuedAt, now),
            ForcedTokens: slot.ForcedTokens);
        Complete(active, new GenerationChunk(rest, TakeLogprobs(slot), reason, usage, error));
        slot.End();
        Interlocked.Decrement(ref _busySlots);
    }

    private static List<TokenLogprob>? TakeLogprobs(Slot slot)
    {
        if (slot.Logprobs is not { Count: > 0 } pending)
        {
            return null;
        }

        slot.Logprobs = [];
        return pending;
    }

    private string PieceText(int token) => _model.Detokenize([token], renderSpecial: true);

    private byte[] PieceBytes(int token)
    {
        var bytes = new List<byte>(16);
        _model.Native.AppendPiece(token, renderSpecial: true, bytes);
        return [.. bytes];
    }
}
