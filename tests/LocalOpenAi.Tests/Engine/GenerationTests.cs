using System.Text.Json;
using LocalOpenAi.Engine;
using LocalOpenAi.Engine.Generation;
using LocalOpenAi.Engine.Sampling;
using LocalOpenAi.Engine.Scheduling;
using LocalOpenAi.Formats.Gguf;
using LocalOpenAi.Formats.Gguf.Synthetic;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Engine;

[Collection(TinyModelCollection.Name)]
public sealed class GenerationTests(TinyModelFixture fixture)
{
    private int[] Prompt(string text) => fixture.Model.Tokenize(text);

    [Fact]
    public async Task Greedy_generation_is_deterministic()
    {
        var request = new GenerationRequest(Prompt("Once upon a time"), SamplingOptions.Greedy, MaxTokens: 24, IgnoreEndOfGeneration: true);

        var first = await GenerationRunner.RunAsync(fixture.Scheduler, request);
        var second = await GenerationRunner.RunAsync(fixture.Scheduler, request);

        Assert.Equal(24, first.Final.Usage!.CompletionTokens);
        Assert.Equal(FinishReason.Length, first.Final.Finish);
        Assert.NotEmpty(first.Text);
        Assert.Equal(first.Text, second.Text);
    }

    [Fact]
    public async Task A_fixed_seed_repeats_sampled_output_and_another_seed_changes_it()
    {
        GenerationRequest Seeded(uint seed) => new(Prompt("Tell me a story"), new SamplingOptions(Temperature: 1.5f, TopK: 0, TopP: 1f, MinP: 0f, Seed: seed), MaxTokens: 32, IgnoreEndOfGeneration: true);

        var first = await GenerationRunner.RunAsync(fixture.Scheduler, Seeded(7));
        var again = await GenerationRunner.RunAsync(fixture.Scheduler, Seeded(7));
        var other = await GenerationRunner.RunAsync(fixture.Scheduler, Seeded(8));

        Assert.Equal(first.Text, again.Text);
        Assert.NotEqual(first.Text, other.Text);
    }

    [Fact]
    public async Task A_stop_string_spanning_two_tokens_ends_generation_before_it()
    {
        var prompt = Prompt("The weather today");
        var pieces = await TokenTextsAsync(prompt, 40);
        var stop = FindStopAcrossBoundary(pieces);
        var fullText = string.Concat(pieces);

        var stopped = await GenerationRunner.RunAsync(fixture.Scheduler, new GenerationRequest(prompt, SamplingOptions.Greedy, MaxTokens: 40, StopSequences: [stop], IgnoreEndOfGeneration: true));

        Assert.Equal(fullText[..fullText.IndexOf(stop, StringComparison.Ordinal)], stopped.Text);
        Assert.Equal(FinishReason.Stop, stopped.Final.Finish);
        Assert.DoesNotContain(stop, stopped.Text);
    }

    [Fact]
    public async Task Cancelling_mid_generation_ends_the_stream_and_frees_the_slot()
    {
        // The small preset and a long budget: the tiny model writes hundreds of tokens in well under a second,
        // sooner than a reader on a busy two-core machine (other test classes decoding beside it) may run.
        using var model = LlamaModel.Load(TestModels.Get(SyntheticModelPreset.Small, GgufQuantization.Q8_0));
        using var scheduler = new InferenceScheduler(model, new SchedulerOptions(Slots: 1, ContextSize: 4096, Threads: 2));
        using var cancellation = new CancellationTokenSource();
        var submission = scheduler.Submit(new GenerationRequest(model.Tokenize("Count forever"), SamplingOptions.Greedy, MaxTokens: 4000, IgnoreEndOfGeneration: true), cancellation.Token);
        Assert.True(submission.IsAccepted, submission.Error);
        var received = 0;
        GenerationChunk? final = null;
        await foreach (var chunk in submission.Chunks!)
        {
            if (++received == 3)
            {
                await cancellation.CancelAsync();
            }

            final = chunk.IsFinal ? chunk : final;
        }

        Assert.Equal(FinishReason.Cancelled, final!.Finish);
        Assert.True(final.Usage!.CompletionTokens < 4000, $"generation went on for {final.Usage.CompletionTokens} tokens after cancel");
        await Eventually.TrueAsync(() => scheduler.BusySlots == 0);
    }

    [Fact]
    public async Task A_json_grammar_constrains_random_weights_to_valid_json()
    {
        const string grammar = """
            root   ::= "{" ws "\"name\"" ws ":" ws string ws "," ws "\"age\"" ws ":" ws number ws "}"
            string ::= "\"" [a-zA-Z ]{1,12} "\""
            number ::= [1-9] [0-9]{0,2}
            ws     ::= [ ]?
            """;
        var request = new GenerationRequest(Prompt("Give me a person as JSON"), new SamplingOptions(Temperature: 1f, Seed: 3, Grammar: grammar), MaxTokens: 60);

        var (text, final) = await GenerationRunner.RunAsync(fixture.Scheduler, request);

        Assert.Equal(FinishReason.Stop, final.Finish);
        using var json = JsonDocument.Parse(text);
        Assert.Equal(JsonValueKind.String, json.RootElement.GetProperty("name").ValueKind);
        Assert.InRange(json.RootElement.GetProperty("age").GetInt32(), 1, 999);
    }

    [Fact]
    public void A_grammar_over_its_compile_budget_is_refused_at_submit()
    {
        using var scheduler = new InferenceScheduler(fixture.Model, new SchedulerOptions(Slots: 1, ContextSize: 1024, Threads: 1, GrammarBudget: TimeSpan.Zero));

        var submission = scheduler.Submit(new GenerationRequest(Prompt("x"), new SamplingOptions(Grammar: "root ::= \"a\"")));

        Assert.Equal(SubmitStatus.InvalidGrammar, submission.Status);
        Assert.Contains("to compile", submission.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("root ::= [b-a]")]
    [InlineData("root ::= \"a\"{5,2}")]
    public void A_grammar_the_checker_refuses_never_reaches_llama_cpp(string grammar)
    {
        var submission = fixture.Scheduler.Submit(new GenerationRequest(Prompt("x"), new SamplingOptions(Grammar: grammar)));

        Assert.Equal(SubmitStatus.InvalidGrammar, submission.Status);
        Assert.StartsWith("Invalid grammar:", submission.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_grammar_that_does_not_parse_is_refused_at_submit()
    {
        var submission = fixture.Scheduler.Submit(new GenerationRequest(Prompt("x"), new SamplingOptions(Grammar: "root ::= (unclosed")));

        Assert.Equal(SubmitStatus.InvalidGrammar, submission.Status);
    }

    [Fact]
    public void A_prompt_longer_than_a_slot_is_refused_at_submit()
    {
        var tooLong = Enumerable.Repeat(Prompt("word")[1], fixture.Scheduler.ContextSizePerSlot).ToArray();

        var submission = fixture.Scheduler.Submit(new GenerationRequest(tooLong, SamplingOptions.Greedy, MaxTokens: 10));

        Assert.Equal(SubmitStatus.ContextLengthExceeded, submission.Status);
        Assert.Contains(fixture.Scheduler.ContextSizePerSlot.ToString(System.Globalization.CultureInfo.InvariantCulture), submission.Error);
    }

    [Fact]
    public async Task Logprobs_are_normalised_and_list_the_chosen_token_first_under_greedy()
    {
        var submission = fixture.Scheduler.Submit(new GenerationRequest(Prompt("Hello"), SamplingOptions.Greedy, MaxTokens: 1, IgnoreEndOfGeneration: true, TopLogprobs: 3));
        var logprobs = new List<TokenLogprob>();
        await foreach (var chunk in submission.Chunks!)
        {
            logprobs.AddRange(chunk.Logprobs ?? []);
        }

        var logprob = Assert.Single(logprobs);

        Assert.Equal(3, logprob.TopAlternatives.Count);
        Assert.Equal(logprob.Token, logprob.TopAlternatives[0].Token);
        Assert.InRange(logprob.Logprob, -30f, 0f);
        Assert.True(logprob.TopAlternatives.Sum(alternative => Math.Exp(alternative.Logprob)) <= 1.0001);
    }

    [Fact]
    public async Task Logprob_bytes_are_the_raw_bytes_of_a_token_holding_part_of_a_character()
    {
        var partial = Enumerable.Range(0, fixture.Model.VocabularySize).First(token => IsPartOfACharacter(RawPiece(token)));
        var biased = SamplingOptions.Greedy with { LogitBias = new Dictionary<int, float> { [partial] = 100f } };

        var result = await GenerationRunner.RunAsync(fixture.Scheduler, new GenerationRequest(Prompt("Hello"), biased, MaxTokens: 1, IgnoreEndOfGeneration: true, TopLogprobs: 3));

        var logprob = Assert.Single(result.Logprobs);
        Assert.Equal(partial, logprob.Token);
        Assert.Equal(RawPiece(partial), logprob.Bytes);
        Assert.NotEqual(System.Text.Encoding.UTF8.GetBytes(logprob.Text), logprob.Bytes);
        Assert.All(logprob.TopAlternatives, alternative => Assert.Equal(RawPiece(alternative.Token), alternative.Bytes));
    }

    private byte[] RawPiece(int token)
    {
        var bytes = new List<byte>();
        fixture.Model.Native.AppendPiece(token, renderSpecial: true, bytes);
        return [.. bytes];
    }

    private static bool IsPartOfACharacter(byte[] bytes)
    {
        try
        {
            _ = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
            return false;
        }
        catch (System.Text.DecoderFallbackException)
        {
            return true;
        }
    }

    private async Task<List<string>> TokenTextsAsync(int[] prompt, int count)
    {
        var submission = fixture.Scheduler.Submit(new GenerationRequest(prompt, SamplingOptions.Greedy, MaxTokens: count, IgnoreEndOfGeneration: true, TopLogprobs: 0));
        var texts = new List<string>();
        await foreach (var chunk in submission.Chunks!)
        {
            texts.AddRange(chunk.Logprobs?.Select(logprob => logprob.Text) ?? []);
        }

        return texts;
    }

    /// <summary>A stop string made of the last two characters of one token and the first two of the next.</summary>
    private static string FindStopAcrossBoundary(List<string> pieces)
    {
        for (var i = 5; i < pieces.Count - 1; i++)
        {
            if (pieces[i].Length >= 2 && pieces[i + 1].Length >= 2 && pieces[i].All(c => c < 128) && pieces[i + 1].All(c => c < 128))
            {
                return pieces[i][^2..] + pieces[i + 1][..2];
            }
        }

        throw new InvalidOperationException("no two adjacent ASCII tokens of length >= 2 in the greedy output");
    }
}
