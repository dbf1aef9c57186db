using LocalOpenAi.Engine;
using LocalOpenAi.Engine.Generation;
using LocalOpenAi.Engine.Sampling;
using LocalOpenAi.Engine.Scheduling;
using LocalOpenAi.Tests.Support;
using static LocalOpenAi.Tests.Support.GreedyRequests;

namespace LocalOpenAi.Tests.Engine;

/// <summary>Continuous batching and prefix sharing against real llama.cpp, each test with its own scheduler.</summary>
public sealed class SchedulerTests : IDisposable
{
    private readonly LlamaModel _model = LlamaModel.Load(TestModels.TinyPath);

    public void Dispose() => _model.Dispose();

    /// <summary>
    /// llama.cpp's matrix kernels accumulate in a different order for different batch shapes, so a
    /// batched step's logits differ from a lone step's in the last bits; with random weights the
    /// top tokens are close enough that greedy picks can flip. Hence the comparison is of the
    /// first step's top log-probabilities within a tolerance, and of whole outputs only for
    /// identical batch shapes.
    /// </summary>
    private const float LogprobTolerance = 0.02f;

    [Fact]
    public async Task Batched_requests_see_the_same_distribution_as_requests_run_one_by_one()
    {
        var prompts = Prompts("The harbour at dawn", "Quarterly results were", "Please reset my password", "A short poem about rain", "Order 66 status");
        using var alone = NewScheduler(slots: 1, sharePrefixes: false);
        var sequential = new List<TokenLogprob>();
        foreach (var prompt in prompts)
        {
            sequential.Add(await FirstStepAsync(alone, prompt));
        }

        using var batched = NewScheduler(slots: 4);
        var concurrent = await Task.WhenAll(prompts.Select(prompt => FirstStepAsync(batched, prompt)));

        AssertSameDistributions(sequential, concurrent, output: "batched vs one by one");
    }

    [Fact]
    public async Task Identical_concurrent_workloads_give_identical_outputs()
    {
        var prompts = Prompts("The harbour at dawn", "Quarterly results were", "Please reset my password", "A short poem about rain");
        using var scheduler = NewScheduler(slots: 4, sharePrefixes: false);

        var first = await Task.WhenAll(prompts.Select(prompt => GenerationRunner.RunAsync(scheduler, Greedy(prompt, 16))));
        using var again = NewScheduler(slots: 4, sharePrefixes: false);
        var second = await Task.WhenAll(prompts.Select(prompt => GenerationRunner.RunAsync(again, Greedy(prompt, 16))));

        Assert.Equal(first.Select(result => result.Text), second.Select(result => result.Text));
    }

    [Fact]
    public async Task A_shared_system_prompt_is_computed_once_and_leaves_the_distributions_unchanged()
    {
        var system = string.Concat(Enumerable.Repeat("You are a careful support agent for an online shop. ", 30));
        var prompts = Enumerable.Range(0, 8).Select(i => _model.Tokenize(system + $"Customer {i} asks about order {i * 7}.")).ToArray();
        var sharedLength = Slot.CommonPrefix(prompts[0], prompts[1]);
        using var unshared = NewScheduler(slots: 1, sharePrefixes: false);
        var expected = new List<TokenLogprob>();
        foreach (var prompt in prompts)
        {
            expected.Add(await FirstStepAsync(unshared, prompt));
        }

        using var shared = NewScheduler(slots: 4);
        var results = await Task.WhenAll(prompts.Select(prompt => GenerationRunner.RunAsync(shared, Greedy(prompt, 1, topLogprobs: 5))));
        var total = prompts.Sum(prompt => prompt.Length);
        var computed = shared.PromptTokensEvaluated;

        AssertSameDistributions(expected, results.Select(result => result.Logprobs.Single()).ToList(), output: "shared prefix vs alone");
        Assert.True(sharedLength > 300, $"the shared prefix is {sharedLength} tokens");
        Assert.True(computed < total - 6 * sharedLength, $"computed {computed} of {total} prompt tokens; the {sharedLength}-token prefix should be computed about once");
        Assert.Equal(total - computed, results.Sum(result => result.Final.Usage!.CachedPromptTokens));
    }

    [Fact]
    public async Task A_full_queue_refuses_new_work_until_there_is_room()
    {
        using var scheduler = NewScheduler(slots: 1, queueSize: 1);
        using var cancellation = new CancellationTokenSource();
        var running = scheduler.Submit(Greedy(_model.Tokenize("long one"), 900), cancellation.Token);
        await Eventually.TrueAsync(() => scheduler.BusySlots == 1);
        var queued = scheduler.Submit(Greedy(_model.Tokenize("waits"), 4), cancellation.Token);

        var refused = scheduler.Submit(Greedy(_model.Tokenize("no room"), 4));

        Assert.True(running.IsAccepted && queued.IsAccepted);
        Assert.Equal(SubmitStatus.QueueFull, refused.Status);
        await cancellation.CancelAsync();
        await Eventually.TrueAsync(() => scheduler.BusySlots == 0 && scheduler.QueueDepth == 0);
        Assert.True(scheduler.Submit(Greedy(_model.Tokenize("room again"), 2)).IsAccepted);
    }

    [Fact]
    public async Task Sixty_four_concurrent_mixed_requests_all_complete()
    {
        using var scheduler = NewScheduler(slots: 4, queueSize: 64);
        var random = new Random(5);
        var requests = Enumerable.Range(0, 64).Select(i => new GenerationRequest(
            _model.Tokenize(string.Concat(Enumerable.Repeat("word ", random.Next(1, 200)))),
            i % 2 == 0 ? SamplingOptions.Greedy : new SamplingOptions(Seed: (uint)i),
            MaxTokens: random.Next(1, 40),
            StopSequences: i % 5 == 0 ? ["e"] : null));

        var results = await Task.WhenAll(requests.Select(request => GenerationRunner.RunAsync(scheduler, request)));

        Assert.All(results, result => Assert.Contains(result.Final.Finish, new FinishReason?[] { FinishReason.Stop, FinishReason.Length }));
        Assert.Equal(0, scheduler.BusySlots);
    }

    private int[][] Prompts(params string[] texts) => texts.Select(text => _model.Tokenize(text)).ToArray();

    private static async Task<TokenLogprob> FirstStepAsync(InferenceScheduler scheduler, int[] prompt) =>
        (await GenerationRunner.RunAsync(scheduler, Greedy(prompt, 1, topLogprobs: 5))).Logprobs.Single();

    private static void AssertSameDistributions(IReadOnlyList<TokenLogprob> expected, IReadOnlyList<TokenLogprob> actual, string output)
    {
        var deviation = expected.Zip(actual)
            .SelectMany(pair => pair.First.TopAlternatives.Zip(pair.Second.TopAlternatives, (a, b) => Math.Abs(a.Logprob - b.Logprob)))
            .Max();
        Console.WriteLine($"{output}: largest top-5 logprob deviation {deviation:E2}");
        Assert.True(deviation < LogprobTolerance, $"{output}: top-5 logprobs differ by up to {deviation}");
    }

    [Fact]
    public async Task An_agent_with_its_own_system_prompt_does_not_overwrite_another_agents_cached_prompt()
    {
        // Two agents share a chat template's first tokens and nothing more; one request at a time, two slots.
        using var scheduler = NewScheduler(slots: 2, sharePrefixes: false);
        int[] Prompt(string agent) => _model.Tokenize($"System: you are one of our agents. Agent {agent}: " + string.Join(' ', Enumerable.Repeat(agent, 150)));
        var first = Prompt("alpha");

        await GenerationRunner.RunAsync(scheduler, Greedy(first, 2));
        await GenerationRunner.RunAsync(scheduler, Greedy(Prompt("beta"), 2));
        var again = await GenerationRunner.RunAsync(scheduler, Greedy(first, 2));

        Assert.Equal(first.Length - 1, again.Final.Usage!.CachedPromptTokens);
    }

    private InferenceScheduler NewScheduler(int slots, bool sharePrefixes = true, int queueSize = 16) =>
        new(_model, new SchedulerOptions(Slots: slots, ContextSize: 1024 * slots, BatchSize: 256, Threads: 2, QueueSize: queueSize, SharePrefixes: sharePrefixes));
}
