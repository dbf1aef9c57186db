using System.Text;
using System.Text.Json;
using LocalOpenAi.Engine.Generation;
using LocalOpenAi.Engine.Sampling;
using LocalOpenAi.Engine.Scheduling;
using LocalOpenAi.Formats.Grammar;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Engine.JumpForward;

/// <summary>
/// Jump-forward decoding through real llama.cpp on random weights: the output still parses and validates,
/// every forced run is exactly what the tokenizer makes of that text in context, and it saves decode steps.
/// </summary>
[Collection(TinyModelCollection.Name)]
public sealed class JumpForwardTests(TinyModelFixture fixture)
{
    private const int Seeds = 6;
    private const string ForecastSchema = """{"const":"the weather forecast for the next seven days"}""";
    private const string Forecast = "\"the weather forecast for the next seven days\"";

    public static TheoryData<string> SchemaNames => [.. StructuredOutputSchemas.Names];

    [Theory]
    [MemberData(nameof(SchemaNames))]
    public async Task Every_output_parses_and_validates_and_forced_runs_are_tokenized_in_context(string name)
    {
        var schema = StructuredOutputSchemas.Get(name);
        using var schemaDocument = JsonDocument.Parse(schema);
        var runs = await RunSeedsOneAfterAnotherAsync(schema);

        foreach (var run in runs)
        {
            Assert.True(run.Final.Finish == FinishReason.Stop, $"the document did not complete: {run.Text}");
            using var output = JsonDocument.Parse(run.Text);
            var validation = JsonSchemaValidator.Validate(schemaDocument.RootElement, output.RootElement);
            Assert.True(validation.IsValid, $"{run.Text}\n{string.Join("\n", validation.Errors)}");
            Assert.Equal(run.Forced.Sum(forced => forced.Tokens.Count), run.Final.Usage!.ForcedTokens);
            foreach (var forced in run.Forced)
            {
                AssertTokenizedInContext(forced);
            }
        }

        Assert.Contains(runs, run => run.Final.Usage!.ForcedTokens > 0);
    }

    [Fact]
    public async Task Forced_text_that_branches_inside_a_character_stops_before_it()
    {
        // "crème br" is forced, then both values continue with the lead byte 0xC3 and part at the next byte.
        string[] values = ["crème brûlée ☕", "crème bràlée"];
        var schema = JsonSerializer.Serialize(new { @enum = values });
        var runs = await RunSeedsOneAfterAnotherAsync(schema);

        foreach (var run in runs)
        {
            Assert.Contains(JsonSerializer.Deserialize<string>(run.Text), values);
            Assert.True(run.Final.Usage!.ForcedTokens > 0);
            Assert.All(run.Forced, AssertTokenizedInContext);
        }
    }

    [Fact]
    public async Task Forced_tokens_count_against_max_tokens_and_stop_sequences()
    {
        var grammar = JsonSchemaGrammar.Convert("""{"const":"the weather forecast for the next seven days"}""").Grammar;
        var prompt = fixture.Model.Tokenize("Answer in JSON.");
        var sampling = new SamplingOptions(Temperature: 1f, Seed: 3, Grammar: grammar);

        var cut = await GenerationRunner.RunAsync(fixture.Scheduler, new GenerationRequest(prompt, sampling, MaxTokens: 4));
        var stopped = await GenerationRunner.RunAsync(fixture.Scheduler, new GenerationRequest(prompt, sampling, MaxTokens: 100, StopSequences: ["forecast"]));

        Assert.Equal(FinishReason.Length, cut.Final.Finish);
        Assert.Equal(4, cut.Final.Usage!.CompletionTokens);
        Assert.True(cut.Final.Usage.ForcedTokens > 0);
        Assert.Equal(FinishReason.Stop, stopped.Final.Finish);
        Assert.Equal("\"the weather ", stopped.Text);
    }

    [Fact]
    public async Task Jump_forward_takes_fewer_decode_steps_per_output_token()
    {
        var (onSteps, onUsage) = await CountDecodeStepsAsync(jumpForward: true);
        var (offSteps, offUsage) = await CountDecodeStepsAsync(jumpForward: false);

        Assert.Equal(0, offUsage.ForcedTokens);
        Assert.True(onUsage.ForcedTokens > 0);
        // The prompt's step yields the first token; every later step yields one sampled token plus those forced with it.
        Assert.Equal(offUsage.CompletionTokens, offSteps);
        Assert.Equal(onUsage.CompletionTokens - onUsage.ForcedTokens, onSteps);
        Assert.True(onSteps / (double)onUsage.CompletionTokens < offSteps / (double)offUsage.CompletionTokens);
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task Beside_a_stream_forced_text_is_sampled_token_by_token()
    {
        var (run, forcedAlone) = await RunBesideAStreamAsync(longPromptBeside: false);

        Assert.Equal(Forecast, run.Text);
        Assert.Equal(0, run.Final.Usage!.ForcedTokens);
        Assert.True(forcedAlone > 0, "alone, the same request forces its text");
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task Beside_a_stream_and_a_prompt_being_read_forced_text_rides_along()
    {
        var (run, _) = await RunBesideAStreamAsync(longPromptBeside: true);

        Assert.Equal(Forecast, run.Text);
        Assert.True(run.Final.Usage!.ForcedTokens > 0);
    }

    /// <summary>
    /// Runs a constrained request whose text is all forced beside a greedy stream (and, when asked, beside a long prompt read
    /// four tokens a step), then the same request alone; returns the first run and how many tokens the second forced.
    /// </summary>
    private async Task<(StructuredRun Run, int ForcedAlone)> RunBesideAStreamAsync(bool longPromptBeside)
    {
        var holdFirstGeneratingStep = 1;
        using var held = new SemaphoreSlim(0);
        using var release = new ManualResetEventSlim();
        using var scheduler = new InferenceScheduler(
            fixture.Model, new SchedulerOptions(Slots: 3, ContextSize: 3 * 2048, Threads: 2, PrefillBudget: 4), logger: null,
            inner => new FaultInjectingDecoder(inner, batch =>
            {
                // The stream's first step of one token waits until the other requests are queued, so that they all run side by side.
                if (batch.Count == 1 && Interlocked.Exchange(ref holdFirstGeneratingStep, 0) == 1)
                {
                    held.Release();
                    release.Wait();
                }

                return false;
            }));
        using var stop = new CancellationTokenSource();
        var stream = GenerationRunner.RunAsync(
            scheduler, new GenerationRequest(fixture.Model.Tokenize("short"), SamplingOptions.Greedy, MaxTokens: 1500, IgnoreEndOfGeneration: true), stop.Token);
        Assert.True(await held.WaitAsync(TestLimits.Hang));
        var constrained = RunAsync(scheduler, ForecastSchema, seed: 1);
        Task longPrompt = longPromptBeside
            ? GenerationRunner.RunAsync(scheduler, new GenerationRequest(fixture.Model.Tokenize(string.Join(' ', Enumerable.Repeat("a long prompt read a little at a time", 30))), SamplingOptions.Greedy, MaxTokens: 1))
            : Task.CompletedTask;
        release.Set();

        var run = await constrained;
        var streamStillRunning = !stream.IsCompleted;
        await stop.CancelAsync();
        await stream;
        await longPrompt;
        var alone = await RunAsync(scheduler, ForecastSchema, seed: 1);

        Assert.True(streamStillRunning);
        Assert.Equal(FinishReason.Stop, run.Final.Finish);
        return (run, alone.Final.Usage!.ForcedTokens);
    }

    [Fact]
    public async Task Output_without_a_grammar_is_unchanged()
    {
        using var off = new InferenceScheduler(fixture.Model, new SchedulerOptions(Slots: 1, ContextSize: 1024, Threads: 2, JumpForward: false));
        var request = new GenerationRequest(fixture.Model.Tokenize("Once upon a time"), new SamplingOptions(Temperature: 0f), MaxTokens: 40);

        var on = await GenerationRunner.RunAsync(fixture.Scheduler, request);
        var plain = await GenerationRunner.RunAsync(off, request);

        Assert.Equal(plain.Text, on.Text);
        Assert.Equal(0, on.Final.Usage!.ForcedTokens);
    }

    private void AssertTokenizedInContext(ForcedRun forced)
    {
        Assert.Equal(forced.Text, fixture.Model.Detokenize(forced.Tokens, renderSpecial: false));
        var tokens = fixture.Model.Tokenize(forced.Context + forced.Text, addBeginOfSequence: false, parseSpecial: false);
        Assert.True(tokens.Length >= forced.Tokens.Count, $"'{forced.Text}' after '{forced.Context}'");
        Assert.Equal(forced.Tokens, tokens[^forced.Tokens.Count..]);
        Assert.Equal(forced.Context, fixture.Model.Detokenize(tokens[..^forced.Tokens.Count], renderSpecial: false));
    }

    private async Task<(int Steps, GenerationUsage Usage)> CountDecodeStepsAsync(bool jumpForward)
    {
        FaultInjectingDecoder? counter = null;
        using var scheduler = new InferenceScheduler(
            fixture.Model, new SchedulerOptions(Slots: 1, ContextSize: 1024, Threads: 2, JumpForward: jumpForward), logger: null,
            inner => counter = new FaultInjectingDecoder(inner, _ => false));
        var run = await RunAsync(scheduler, StructuredOutputSchemas.Get("eight_fields"), seed: 7);
        Assert.Equal(FinishReason.Stop, run.Final.Finish);
        return (counter!.Calls, run.Final.Usage!);
    }

    /// <summary>One request at a time: beside another stream, forced text is sampled instead (see the tests above).</summary>
    private async Task<List<StructuredRun>> RunSeedsOneAfterAnotherAsync(string schema)
    {
        var runs = new List<StructuredRun>();
        for (var seed = 1u; seed <= Seeds; seed++)
        {
            runs.Add(await RunAsync(fixture.Scheduler, schema, seed));
        }

        return runs;
    }

    private async Task<StructuredRun> RunAsync(InferenceScheduler scheduler, string schema, uint seed)
    {
        var grammar = JsonSchemaGrammar.Convert(schema);
        Assert.True(grammar.IsSuccess, grammar.Error);
        var sampling = new SamplingOptions(Temperature: 1f, Seed: seed, Grammar: grammar.Grammar, LogitBias: ClosingTokenBias());
        var submission = scheduler.Submit(new GenerationRequest(fixture.Model.Tokenize("Answer in JSON."), sampling, MaxTokens: 400));
        Assert.True(submission.IsAccepted, submission.Error);
        var text = new StringBuilder();
        var forced = new List<ForcedRun>();
        GenerationChunk? final = null;
        await foreach (var chunk in submission.Chunks!)
        {
            if (chunk.ForcedTokens is { } tokens)
            {
                forced.Add(new ForcedRun(text.ToString(), chunk.Text, tokens));
            }

            text.Append(chunk.Text);
            final = chunk.IsFinal ? chunk : final;
        }

        return new StructuredRun(text.ToString(), final!, forced);
    }

    private Dictionary<int, float> ClosingTokenBias() =>
        new[] { "\"", "}", "]", "\"}", "\"]", "\",", "0" }
            .Select(piece => fixture.Model.Tokenize(piece, addBeginOfSequence: false, parseSpecial: false))
            .Where(tokens => tokens.Length == 1)
            .ToDictionary(tokens => tokens[0], _ => 6f);

    private sealed record ForcedRun(string Context, string Text, IReadOnlyList<int> Tokens);

    private sealed record StructuredRun(string Text, GenerationChunk Final, IReadOnlyList<ForcedRun> Forced);
}
