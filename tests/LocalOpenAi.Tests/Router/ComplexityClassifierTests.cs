using System.Diagnostics;
using LocalOpenAi.Formats.OpenAi;
using LocalOpenAi.Router.Classification;
using Xunit.Abstractions;

namespace LocalOpenAi.Tests.Router;

public sealed class ComplexityClassifierTests(ITestOutputHelper output)
{
    private readonly ComplexityClassifier _classifier = new(new ClassifierOptions());

    private ClassificationResult Classify(string prompt, int? maxTokens = null, string? agent = null) =>
        _classifier.Classify(ClassificationInput.FromPrompt(prompt, maxTokens, agent));

    [Fact]
    public void A_greeting_is_simple_with_a_low_score()
    {
        var result = Classify("hello!");

        Assert.Equal(Complexity.Simple, result.Complexity);
        Assert.True(result.Score < 1);
    }

    [Fact]
    public void A_code_request_is_complex_and_says_why()
    {
        var result = Classify("Write a Python function that parses ISO-8601 durations.");

        Assert.Equal(Complexity.Complex, result.Complexity);
        Assert.Contains("code request (+2.5)", result.Reasons);
        Assert.Contains("programming language named (+0.5)", result.Reasons);
    }

    [Fact]
    public void A_long_context_is_reported_in_thousands_of_tokens()
    {
        var result = Classify(string.Join(' ', Enumerable.Repeat("lorem ipsum dolor", 3000)) + " What does it say?");

        Assert.Equal(13_505, result.EstimatedTokens); // 54,018 characters / 4
        Assert.Contains("very long context 13.5k tokens (+2.0)", result.Reasons);
    }

    [Fact]
    public void Requested_output_length_tools_and_schema_add_points()
    {
        var plain = _classifier.Classify(ClassificationInput.FromPrompt("List our store locations."));
        var rich = _classifier.Classify(new ClassificationInput(
            [new ChatMessage { Role = "user", Content = "List our store locations." }],
            ToolCount: 6,
            MaxTokens: 4000,
            StructuredOutput: StructuredOutput.JsonSchema));

        Assert.Contains("max_tokens 4000 (+1.0)", rich.Reasons);
        Assert.Contains("6 tools (+1.0)", rich.Reasons);
        Assert.Contains("json schema output (+0.5)", rich.Reasons);
        Assert.Equal(plain.Score + 2.5, rich.Score, 3);
    }

    [Fact]
    public void Agent_bias_matches_names_and_globs()
    {
        var options = new ClassifierOptions { AgentBias = { ["decision-*"] = 3.0, ["faq-bot"] = -1.0 } };
        var classifier = new ComplexityClassifier(options);

        var decision = classifier.Classify(ClassificationInput.FromPrompt("Approve the order?", agent: "decision-credit"));
        var faq = classifier.Classify(ClassificationInput.FromPrompt("Explain our refund rules", agent: "FAQ-BOT"));

        Assert.Equal(Complexity.Complex, decision.Complexity);
        Assert.Contains("agent decision-credit (+3.0)", decision.Reasons);
        Assert.Contains("agent FAQ-BOT (-1.0)", faq.Reasons);
    }

    [Fact]
    public void A_chat_request_uses_the_last_user_turn_and_the_user_field_as_agent()
    {
        var request = new ChatCompletionRequest
        {
            User = "analyst-7",
            Messages =
            [
                new ChatMessage { Role = "user", Content = "Prove that there are infinitely many primes." },
                new ChatMessage { Role = "assistant", Content = "Sure." },
                new ChatMessage { Role = "user", Content = "thanks" },
            ],
            ResponseFormat = System.Text.Json.JsonDocument.Parse("""{"type":"json_object"}""").RootElement,
        };

        var input = ClassificationInput.FromChat(request);

        Assert.Equal("analyst-7", input.Agent);
        Assert.Equal(StructuredOutput.JsonObject, input.StructuredOutput);
        Assert.Equal(Complexity.Simple, _classifier.Classify(input).Complexity);
    }

    [Fact]
    public void Invalid_options_are_refused_with_every_problem_listed()
    {
        var options = new ClassifierOptions { ModerateThreshold = 3, ComplexThreshold = 2, CharsPerToken = 0 };

        var errors = options.Validate();

        Assert.Equal(2, errors.Count);
        Assert.Throws<ArgumentException>(() => new ComplexityClassifier(options));
    }

    [Fact]
    public void Classifying_stays_cheap()
    {
        var longPrompt = string.Concat(Enumerable.Repeat("The quarterly report shows revenue of $12.4 million, up 8% year over year. ", 700))
            + "\n\nAnalyze the trends above, compare them with last year and recommend next steps step by step.";
        var typical = "Pull the last 5 days of prices for MSFT and GOOGL and tell me which one moved more, then draft a two-line note for the desk.";
        var elapsed = TimeSpan.Zero;
        foreach (var prompt in new[] { typical, longPrompt })
        {
            var input = ClassificationInput.FromPrompt(prompt);

            // Let tiered compilation promote the hot paths before measuring.
            var warmup = Stopwatch.StartNew();
            while (warmup.ElapsedMilliseconds < 300)
            {
                _classifier.Classify(input);
            }

            var watch = Stopwatch.StartNew();
            for (var i = 0; i < 1000; i++)
            {
                _classifier.Classify(input);
            }

            elapsed += watch.Elapsed;
            output.WriteLine($"{prompt.Length} chars: {watch.Elapsed.TotalMilliseconds:0.###} µs per classification (1000 runs)");
        }

        // A sanity bound only, far above the expected cost; the printed figures are the measurement.
        Assert.True(elapsed < TimeSpan.FromSeconds(20));
    }
}
