namespace LocalOpenAi.Engine.Scheduling;

/// <summary>
/// Prompt-prefix reuse. A slot first reuses what its own cache shares with the new prompt. With
/// prefix sharing on, it can instead take the longest matching prefix from any other slot's cache,
/// or, when another slot is still computing that prefix, wait for it rather than compute it twice.
/// So a system prompt sent by a fleet of agents is decoded once per server, not once per slot.
/// </summary>
/// <remarks>
/// Each slot keeps its own KV stream (<c>kv_unified</c> off, so attention only ever spans one
/// request's cells), and sharing copies the donor's stream — <c>llama_memory_seq_cp</c> across
/// streams copies the buffer at the next decode — then trims the copy to the shared prefix. The
/// copy costs memory bandwidth, not compute: a few milliseconds against seconds of prefill.
/// </remarks>
public sealed partial class InferenceScheduler
{
    /// <summary>Sharing must save at least this many tokens to be worth a wait.</summary>
    private const int MinimumSharedPrefix = 16;

    /// <summary>
    /// The idle slot whose cache is worth reusing for <paramref name="prompt"/>, the longest match first; when none is,
    /// an unused slot or else the one least recently started, as llama-server picks: so the prefix another agent may
    /// come back for is overwritten last.
    /// </summary>
    private Slot ChooseIdleSlot(IReadOnlyList<int> prompt) =>
        _slots.Where(candidate => candidate.IsIdle).MaxBy(candidate => (WorthReusing(candidate, prompt), -candidate.StartedAt))!;

    /// <summary>
    /// The tokens of the slot's cache that <paramref name="prompt"/> would reuse, or 0 when they are under half of what the
    /// slot holds (or of the prompt): a chat template's first tokens are not worth another agent's long cached prefix.
    /// </summary>
    private static int WorthReusing(Slot slot, IReadOnlyList<int> prompt)
    {
        var shared = slot.CommonPrefixLength(prompt);
        return shared > 0 && shared * 2 >= Math.Min(slot.CachedTokens.Count, prompt.Count) ? shared : 0;
    }

    private void PlacePrompt(Slot slot)
    {
        var prompt = slot.Active!.Request.PromptTokens;

        // At least the last prompt token is decoded again: its logits choose the first new token.
        var limit = prompt.Count - 1;
        var own = Math.Min(slot.CommonPrefixLength(prompt), limit);
        if (_sharePrefixes)
        {
            var (donor, donated) = BestCachedPrefix(slot, prompt, limit);
            var (leader, led) = BestPrefixInProgress(slot, prompt, limit);
            if (leader is not null && led >= Math.Max(own, donated) + MinimumSharedPrefix)
            {
                slot.WaitFor(leader, led);
                return;
            }

            if (donor is not null && donated > own)
            {
                ShareFrom(donor, slot, donated);
                return;
            }
        }

        Truncate(slot, own);
        slot.StartAfter(own);
        Interlocked.Add(ref _promptTokensReused, own);
    }

    /// <summary>Slots waiting for a leader take its prefix once computed (or what it got to, if it stopped).</summary>
    private void ResolvePrefixWaits()
    {
        foreach (var slot in _slots)
        {
            if (slot.PrefixLeader is not { } leader)
            {
                continue;
            }

            var stillComputing = leader.Active is not null && leader.IsPrefilling && leader.CachedTokens.Count < slot.PrefixLength;
            if (!stillComputing)
            {
                var prompt = slot.Active!.Request.PromptTokens;
                var available = Math.Min(leader.CommonPrefixLength(prompt), prompt.Count - 1);
                ShareFrom(leader, slot, available);
            }
        }
    }

    private (Slot? Donor, int Length) BestCachedPrefix(Slot slot, IReadOnlyList<int> prompt, int limit)
    {
        Slot? donor = null;
        var best = 0;
        foreach (var candidate in _slots)
        {
            // A waiting slot's cache is about to be replaced; skip it.
            if (candidate != slot && candidate.PrefixLeader is null)
            {
                var length = Math.Min(candidate.CommonPrefixLength(prompt), limit);
                (donor, best) = length > best ? (candidate, length) : (donor, best);
            }
        }

        return (donor, best);
    }

    private (Slot? Leader, int Length) BestPrefixInProgress(Slot slot, IReadOnlyList<int> prompt, int limit)
    {
        Slot? leader = null;
        var best = 0;
        foreach (var candidate in _slots)
        {
            if (candidate != slot && candidate.IsPrefilling)
            {
                var length = Math.Min(Slot.CommonPrefix(candidate.Active!.Request.PromptTokens, prompt), limit);
                (leader, best) = length > best && length > candidate.CachedTokens.Count ? (candidate, length) : (leader, best);
            }
        }

        return (leader, best);
    }

    private void ShareFrom(Slot donor, Slot slot, int length)
    {
        Truncate(slot, 0);
        if (length > 0)
        {
            _context.CopySequence(donor.Sequence, slot.Sequence);
            _context.RemoveTokens(slot.Sequence, length);
            slot.CachedTokens.AddRange(donor.CachedTokens.GetRange(0, length));
        }

        slot.StartAfter(length);
        Interlocked.Add(ref _promptTokensReused, length);
    }

    private void Truncate(Slot slot, int length)
    {
        if (length < slot.CachedTokens.Count)
        {
            _context.RemoveTokens(slot.Sequence, length);
            slot.CachedTokens.RemoveRange(length, slot.CachedTokens.Count - length);
        }
    }
}
