using System.Diagnostics;
using LocalOpenAi.Engine.Generation;
using LocalOpenAi.Engine.Native;

namespace LocalOpenAi.Engine.Scheduling;

public sealed partial class InferenceScheduler
{
    private void Run()
    {
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                // Before admission, so a leader that just finished still holds the prefix its followers wait for.
                ResolvePrefixWaits();
                AdmitWaiting();
                if (_slots.All(slot => slot.IsIdle))
                {
                    WaitForWork();
                    continue;
                }

                if (GatherDelay() is { Ticks: > 0 } delay)
                {
                    WaitForArrival(delay);
                    continue;
                }

                FinishCancelled();
                if (!BuildBatch())
                {
                    continue;
                }

                var status = _decoder.Decode(_batch);
                if (status == DecodeStatus.NoKvSlot && MakeRoomAfterNoKvSlot())
                {
                    continue;
                }

                if (status != DecodeStatus.Success)
                {
                    FailBatch(status);
                    continue;
                }

                _promptRoomLimit = _batch.Capacity;
                CommitBatch();
                NoteStepDone();
            }
        }
        catch (Exception exception)
        {
            Log.SchedulerCrashed(_logger, exception);
        }
        finally
        {
            DrainOnStop();
        }
    }

    private void WaitForWork()
    {
        try
        {
            _queue.Reader.WaitToReadAsync(_stopping.Token).AsTask().GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void AdmitWaiting()
    {
        while (_slots.Any(slot => slot.IsIdle) && _queue.Reader.TryRead(out var request))
        {
            if (!request.TryAdmit())
            {
                // Withdrawn by its cancellation: already counted out and answered.
                continue;
            }

            Interlocked.Decrement(ref _queueDepth);

            var slot = ChooseIdleSlot(request.Request.PromptTokens);
            var now = Stopwatch.GetTimestamp();
            slot.Begin(request, now);
            NoteAdmission(now);
            PlacePrompt(slot);
            Interlocked.Increment(ref _busySlots);
        }
    }

    private void FinishCancelled()
    {
        foreach (var slot in _slots)
        {
            if (slot.Active is { Cancellation.IsCancellationRequested: true })
            {
                Finish(slot, FinishReason.Cancelled);
            }
        }
    }

    /// <summary>
    /// One token per generating slot (with the tokens its grammar forced after it), then prompt chunks in slot order while room is left (at most the
    /// prefill budget while any slot generates); rows are written in sequence order.
    /// </summary>
    /// <remarks>
    /// With one KV stream per sequence, llama.cpp splits a batch into micro-batches whose sequences
    /// are consecutive ids in the order they first appear, and every extra micro-batch is another
    /// pass over the weights. Decode tokens first and prompts after would appear out of order as soon
    /// as a slot in the middle is reading its prompt (slots 0-3 and 5-7 generating, 4 prefilling: three
    /// passes); in sequence order it is two.
    /// </remarks>
    private bool BuildBatch()
    {
        _batch.Clear();
        var generating = _slots.Where(slot => slot.IsGenerating).Sum(slot => 1 + slot.Forced.Count);
        var promptRoom = Math.Min(_batch.Capacity, _promptRoomLimit) - generating;
        if (generating > 0 && _prefillBudget > 0)
        {
            promptRoom = Math.Min(promptRoom, _prefillBudget);
        }

        foreach (var slot in _slots)
        {
            slot.BatchRow = -1;
            slot.BatchStart = slot.CachedTokens.Count;
            slot.BatchPromptTokens = 0;
            if (slot.IsGenerating)
            {
                slot.BatchRow = AddGenerated(slot);
            }
            else if (slot.IsPrefilling && promptRoom > 0)
            {
                promptRoom -= AddPromptChunk(slot, promptRoom);
            }
        }

        return _batch.Count > 0;
    }

    /// <summary>Adds the slot's sampled token and the tokens forced after it, with logits for the last; returns its row.</summary>
    private int AddGenerated(Slot slot)
    {
        var row = _batch.Add(slot.PendingToken, slot.CachedTokens.Count, slot.Sequence, wantLogits: slot.Forced.Count == 0);
        slot.CachedTokens.Add(slot.PendingToken);
        for (var i = 0; i < slot.Forced.Count; i++)
        {
            row = _batch.Add(slot.Forced[i], slot.CachedTokens.Count, slot.Sequence, wantLogits: i == slot.Forced.Count - 1);
            slot.CachedTokens.Add(slot.Forced[i]);
        }

        return row;
    }

    /// <summary>Adds up to <paramref name="room"/> of the slot's remaining prompt tokens; returns how many.</summary>
    private int AddPromptChunk(Slot slot, int room)
    {
        var prompt = slot.Active!.Request.PromptTokens;
        var take = Math.Min(room, prompt.Count - slot.PromptCursor);
        for (var i = 0; i < take; i++)
        {
            var token = prompt[slot.PromptCursor];
            var isLast = slot.PromptCursor == prompt.Count - 1;
            var row = _batch.Add(token, slot.CachedTokens.Count, slot.Sequence, wantLogits: isLast);
            slot.CachedTokens.Add(token);
            slot.PromptCursor++;
            slot.BatchPromptTokens++;
            if (isLast)
            {
                slot.BatchRow = row;
            }
        }

        Interlocked.Add(ref _promptTokensEvaluated, take);
        return take;
    }

    private void FailBatch(DecodeStatus status)
    {
        Log.DecodeFailed(_logger, status, _batch.Count);
        foreach (var slot in _slots)
        {
            if (slot.Active is null)
            {
                continue;
            }

            // The cache may hold part of the batch: forget this sequence entirely.
            _context.RemoveTokens(slot.Sequence, 0);
            slot.CachedTokens.Clear();
            Finish(slot, FinishReason.Error, $"llama.cpp could not decode the batch ({status}).");
        }
    }

    private void DrainOnStop()
    {
        foreach (var slot in _slots)
        {
            if (slot.Active is not null)
            {
                Finish(slot, FinishReason.Cancelled, ShutdownMessage);
            }
        }

        while (_queue.Reader.TryRead(out var request))
        {
            if (!request.TryAdmit())
            {
                continue;
            }

            Interlocked.Decrement(ref _queueDepth);
            Complete(request, new GenerationChunk(string.Empty, Finish: FinishReason.Cancelled, Error: ShutdownMessage));
            request.Sampler.Dispose();
        }
    }

    private static void Complete(ScheduledRequest request, GenerationChunk last)
    {
        request.Output.Writer.TryWrite(last);
        request.Output.Writer.TryComplete();
    }
}
