using LocalOpenAi.Engine.Native;

namespace LocalOpenAi.Engine.Scheduling;

public sealed partial class InferenceScheduler
{
    /// <summary>Most prompt tokens a step may carry; halved after <see cref="DecodeStatus.NoKvSlot"/>, restored by a decode that succeeds.</summary>
    private int _promptRoomLimit;

    /// <summary>
    /// llama.cpp found no room in the KV cache for the batch, which llama-server and LLamaSharp treat as
    /// retryable. The batch is undone; the next step carries half the prompt tokens or, when there is no
    /// prompt left to shrink, idle slots give up the caches they keep. False when nothing is left to try.
    /// </summary>
    private bool MakeRoomAfterNoKvSlot()
    {
        var promptTokens = _slots.Sum(slot => slot.BatchPromptTokens);
        UndoBatch();
        if (promptTokens > 1)
        {
            _promptRoomLimit = Math.Max(1, promptTokens / 2);
            Log.NoKvSlotRetry(_logger, promptTokens, _promptRoomLimit);
            return true;
        }

        var freed = ForgetIdleCaches();
        Log.NoKvSlotFreedIdle(_logger, freed);
        return freed > 0;
    }

    /// <summary>Takes the batch's tokens back out of the cache and the slots, as if it had not been built.</summary>
    private void UndoBatch()
    {
        foreach (var slot in _slots)
        {
            var added = slot.CachedTokens.Count - slot.BatchStart;
            if (slot.Active is null || added <= 0)
            {
                continue;
            }

            _context.RemoveTokens(slot.Sequence, slot.BatchStart);
            slot.CachedTokens.RemoveRange(slot.BatchStart, added);
            slot.PromptCursor -= slot.BatchPromptTokens;
            Interlocked.Add(ref _promptTokensEvaluated, -slot.BatchPromptTokens);
            slot.BatchPromptTokens = 0;
            slot.BatchRow = -1;
        }
    }

    /// <summary>Clears the prompt caches that idle slots keep for reuse (none that another slot copies a prefix from); returns the cells freed.</summary>
    private int ForgetIdleCaches()
    {
        var freed = 0;
        foreach (var slot in _slots.Where(slot => slot.IsIdle && slot.CachedTokens.Count > 0 && !_slots.Any(other => other.PrefixLeader == slot)))
        {
            freed += slot.CachedTokens.Count;
            _context.RemoveTokens(slot.Sequence, 0);
            slot.CachedTokens.Clear();
        }

        return freed;
    }
}
