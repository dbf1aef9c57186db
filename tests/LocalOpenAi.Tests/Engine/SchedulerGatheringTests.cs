using LocalOpenAi.Engine;
using LocalOpenAi.Engine.Generation;
using LocalOpenAi.Engine.Scheduling;
using LocalOpenAi.Tests.Support;
using static LocalOpenAi.Tests.Support.GreedyRequests;

namespace LocalOpenAi.Tests.Engine;

/// <summary>
/// Arrival gathering over real llama.cpp. The window is ten minutes, far beyond the test's hang limit, so only
/// arrivals and free slots end a wait: a request held when it should not be fails the test by its timeout.
/// </summary>
public sealed class SchedulerGatheringTests : IDisposable
{
    private static readonly TimeSpan LongWindow = TimeSpan.FromMinutes(10);
    private readonly LlamaModel _model = LlamaModel.Load(TestModels.TinyPath);

    public void Dispose() => _model.Dispose();

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task Clients_coming_back_after_a_wave_are_read_in_one_step_and_stream_in_step()
    {
        var batches = new List<int>();
        FaultInjectingDecoder? decoder = null;
        using var scheduler = NewScheduler(inner => decoder = new FaultInjectingDecoder(inner, batch =>
        {
            lock (batches)
            {
                batches.Add(batch.Count);
            }

            return false;
        }));

        // Both slots taken: the first wave starts at once, in one step, so it ends in one step.
        var wave = await Task.WhenAll(
            GenerationRunner.RunAsync(scheduler, GreedyText("alpha beta gamma", 6)),
            GenerationRunner.RunAsync(scheduler, GreedyText("delta epsilon zeta", 6)));
        var stepsBefore = decoder!.Calls;
        var first = _model.Tokenize("one client is back first with this prompt");
        var second = _model.Tokenize("then another comes back with a different prompt");

        var early = GenerationRunner.RunAsync(scheduler, Greedy(first, 6));
        await Eventually.TrueAsync(() => scheduler.BusySlots == 1);
        var decodedAlone = decoder.Calls != stepsBefore;
        var late = GenerationRunner.RunAsync(scheduler, Greedy(second, 6));
        var results = await Task.WhenAll(early, late);

        Assert.All(wave.Concat(results), result => Assert.Equal(FinishReason.Length, result.Final.Finish));
        Assert.False(decodedAlone, "the first client back was decoded before the second arrived");
        int firstStepAfter;
        lock (batches)
        {
            firstStepAfter = batches[stepsBefore];
        }

        // Each slot may reuse a token or two of its cached prefix; the rest of both prompts is in that one step.
        Assert.InRange(firstStepAfter, first.Length + second.Length - 4, first.Length + second.Length);
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task A_request_beside_a_generating_stream_or_coming_back_alone_is_not_held()
    {
        using var scheduler = NewScheduler();
        var shortOne = GenerationRunner.RunAsync(scheduler, GreedyText("a short answer", 4));
        var longOne = GenerationRunner.RunAsync(scheduler, GreedyText("a longer answer", 900));
        await shortOne;

        // The long stream is still generating: a new request starts beside it at once.
        var beside = await GenerationRunner.RunAsync(scheduler, GreedyText("while it streams", 4));
        Assert.False(longOne.IsCompleted, "the long stream ended before the request beside it: the test proves nothing");
        await longOne;

        // The long stream ended alone: one client back of one is not held for the window.
        var alone = await GenerationRunner.RunAsync(scheduler, GreedyText("back on my own", 4));

        Assert.Equal(FinishReason.Length, beside.Final.Finish);
        Assert.Equal(FinishReason.Length, alone.Final.Finish);
        Assert.Equal(4, alone.Final.Usage!.CompletionTokens);
    }

    private InferenceScheduler NewScheduler(Func<IBatchDecoder, IBatchDecoder>? decoder = null) =>
        new(_model, new SchedulerOptions(Slots: 2, ContextSize: 2048, BatchSize: 256, Threads: 2, GatherWindow: LongWindow), logger: null, decoder);

    private GenerationRequest GreedyText(string prompt, int maxTokens) => Greedy(_model.Tokenize(prompt), maxTokens);
}
