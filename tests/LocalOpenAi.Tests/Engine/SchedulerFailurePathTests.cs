using LocalOpenAi.Engine;
using LocalOpenAi.Engine.Generation;
using LocalOpenAi.Engine.Scheduling;
using LocalOpenAi.Tests.Support;
using static LocalOpenAi.Tests.Support.GreedyRequests;

namespace LocalOpenAi.Tests.Engine;

/// <summary>The scheduler's failure paths, driven by a decoder that refuses chosen batches, over real llama.cpp.</summary>
public sealed class SchedulerFailurePathTests : IDisposable
{
    private readonly LlamaModel _model = LlamaModel.Load(TestModels.TinyPath);

    public void Dispose() => _model.Dispose();

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task No_kv_slot_on_a_prompt_batch_is_retried_smaller_and_fails_no_request()
    {
        FaultInjectingDecoder? faults = null;
        var refusedOnce = 0;
        // Refuse the first batch that carries many prompt tokens, while another request is generating.
        using var scheduler = NewScheduler(slots: 2, inner => faults = new FaultInjectingDecoder(inner, batch => batch.Count > 40 && Interlocked.Exchange(ref refusedOnce, 1) == 0));
        var generating = GenerationRunner.RunAsync(scheduler, Greedy(_model.Tokenize("short"), 300));
        await Eventually.TrueAsync(() => scheduler.BusySlots == 1 || generating.IsCompleted);
        var longPrompt = GenerationRunner.RunAsync(scheduler, Greedy(_model.Tokenize(string.Join(' ', Enumerable.Repeat("a long prompt that fills the batch", 20))), 8));

        var results = await Task.WhenAll(generating, longPrompt);

        Assert.All(results, result => Assert.Equal(FinishReason.Length, result.Final.Finish));
        Assert.Equal(300, results[0].Final.Usage!.CompletionTokens);
        Assert.Equal(8, results[1].Final.Usage!.CompletionTokens);
        Assert.Equal(1, faults!.Refused);
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task A_cancelled_queued_request_frees_its_queue_place_at_once()
    {
        using var scheduler = NewScheduler(slots: 1, queueSize: 1);
        using var stopRunning = new CancellationTokenSource();
        var running = scheduler.Submit(Greedy(_model.Tokenize("long one"), 900), stopRunning.Token);
        await Eventually.TrueAsync(() => scheduler.BusySlots == 1);
        using var giveUp = new CancellationTokenSource();
        var queued = scheduler.Submit(Greedy(_model.Tokenize("waits"), 4), giveUp.Token);
        Assert.Equal(SubmitStatus.QueueFull, scheduler.Submit(Greedy(_model.Tokenize("no room"), 4)).Status);

        await giveUp.CancelAsync();

        Assert.Equal(0, scheduler.QueueDepth);
        var next = scheduler.Submit(Greedy(_model.Tokenize("now there is room"), 4), stopRunning.Token);
        Assert.True(queued.IsAccepted && next.IsAccepted, $"{next.Status} {next.Error}");
        var ended = await queued.Chunks!.LastAsync();
        Assert.Equal(FinishReason.Cancelled, ended.Finish);
        Assert.Equal(1, scheduler.BusySlots);
        await stopRunning.CancelAsync();
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task A_scheduler_keeps_generating_after_its_model_object_is_disposed()
    {
        var model = LlamaModel.Load(TestModels.TinyPath);
        using var scheduler = new InferenceScheduler(model, new SchedulerOptions(Slots: 1, ContextSize: 1024, BatchSize: 256, Threads: 2));
        var prompt = model.Tokenize("still here");

        model.Dispose();
        var result = await GenerationRunner.RunAsync(scheduler, Greedy(prompt, 8));

        Assert.Equal(FinishReason.Length, result.Final.Finish);
        Assert.Equal(8, result.Final.Usage!.CompletionTokens);
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task While_a_slot_generates_a_long_prompt_is_read_within_the_prefill_budget_per_step()
    {
        var largest = 0;
        var steps = 0;
        using var scheduler = NewScheduler(slots: 2, inner => new FaultInjectingDecoder(inner, batch =>
        {
            largest = Math.Max(largest, batch.Count);
            Interlocked.Increment(ref steps);
            return false;
        }), prefillBudget: 32);
        var prompt = _model.Tokenize(string.Join(' ', Enumerable.Repeat("a long prompt that would fill the whole batch", 20)));
        var generating = GenerationRunner.RunAsync(scheduler, Greedy(_model.Tokenize("short"), 400));

        // Its second step decodes a generated token: from then on the slot is generating, not reading its prompt.
        await Eventually.TrueAsync(() => Volatile.Read(ref steps) >= 2 || generating.IsCompleted);
        largest = 0;

        var reader = await GenerationRunner.RunAsync(scheduler, Greedy(prompt, 4));
        var largestWhileGenerating = largest;
        await generating;

        Assert.True(prompt.Length > 200, $"the prompt has {prompt.Length} tokens");
        Assert.Equal(FinishReason.Length, reader.Final.Finish);
        Assert.InRange(largestWhileGenerating, 2, 32 + 1);
    }

    private InferenceScheduler NewScheduler(int slots, Func<IBatchDecoder, IBatchDecoder>? decoder = null, int queueSize = 16, int prefillBudget = 0) =>
        new(_model, new SchedulerOptions(Slots: slots, ContextSize: 1024 * slots, BatchSize: 256, Threads: 2, QueueSize: queueSize, PrefillBudget: prefillBudget), logger: null, decoder);
}
