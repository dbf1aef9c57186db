using System.Diagnostics;
using System.Text.RegularExpressions;
using LocalOpenAi.Formats.OpenAi;
using LocalOpenAi.Router.Classification;
using Xunit.Abstractions;

namespace LocalOpenAi.Tests.Router;

public sealed partial class ComplexityClassifierTests(ITestOutputHelper output)
{
    private readonly ComplexityClassifier _classifier = new(new ClassifierOptions());

    private ClassificationResult Classify(string prompt, int? maxTokens = null, string? agent = null) =>
        _classifier.Classify(ClassificationInput.FromPrompt(prompt, maxTokens, agent));

    [Fact]
    public void A_greeting_is_simple_with_a_low_score()
    {
        var result = Classify("hello!");

        Assert.Equal(Complexity.Simple, result.Complexity);
        Assert.True(result.Score < _classifier.Thresholds.Complex);
    }

    [Fact]
    public void A_code_request_is_complex_and_explained_by_its_strongest_features()
    {
        var result = Classify("Write a Python function that parses ISO-8601 durations.");
        output.WriteLine(string.Join(Environment.NewLine, result.Reasons));

        Assert.Equal(Complexity.Complex, result.Complexity);
        Assert.InRange(result.Reasons.Count, 1, 5);
        Assert.All(result.Reasons, reason => Assert.Matches(ReasonLine(), reason));
        Assert.Contains(result.Reasons, reason => reason.StartsWith("code request", StringComparison.Ordinal) || reason.Contains("\"function\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("What's the status of order A-44821?", Complexity.Simple)]
    [InlineData("Classify this ticket as billing, technical or account: 'I was charged twice.'", Complexity.Simple)]
    [InlineData("Summarise this for the team: the vendor moved delivery to June, the budget is unchanged and QA starts in week 9.", Complexity.Moderate)]
    [InlineData("Draft a short, friendly email to a customer whose parcel is late.", Complexity.Moderate)]
    [InlineData("Prove that the sum of the first n odd numbers is n^2.", Complexity.Complex)]
    [InlineData("Plan a 12-week migration of our billing system to Kubernetes with milestones, owners and risks.", Complexity.Complex)]
    public void Typical_agent_requests_land_in_their_class(string prompt, Complexity expected)
    {
        var result = Classify(prompt);
        output.WriteLine($"{result.Complexity} {result.Score}: {string.Join("; ", result.Reasons)}");

        Assert.Equal(expected, result.Complexity);
    }

    [Fact]
    public void A_long_pasted_context_with_a_lookup_question_is_not_complex_because_of_its_length()
    {
        var contract = string.Concat(Enumerable.Repeat(
            "The Supplier shall deliver the Services in accordance with the Statement of Work and the Service Levels. ", 300));
        var prompt = contract + "\n\nWhat is the governing law of this agreement?";
        var result = Classify(prompt);

        Assert.Equal((prompt.Length + 3) / 4, result.EstimatedTokens);
        Assert.True(result.EstimatedTokens > 7_500);
        Assert.NotEqual(Complexity.Complex, result.Complexity);
    }

    [Fact]
    public void Agent_bias_matches_names_and_globs()
    {
        var options = new ClassifierOptions { AgentBias = { ["decision-*"] = 1.0, ["faq-bot"] = -1.0 } };
        var classifier = new ComplexityClassifier(options);

        var decision = classifier.Classify(ClassificationInput.FromPrompt("Approve the order?", agent: "decision-credit"));
        var faq = classifier.Classify(ClassificationInput.FromPrompt("Write a Python function that parses dates.", agent: "FAQ-BOT"));

        Assert.Equal(Complexity.Complex, decision.Complexity);
        Assert.Contains("agent decision-credit (+1.0)", decision.Reasons);
        Assert.Contains("agent FAQ-BOT (-1.0)", faq.Reasons);
        Assert.NotEqual(Complexity.Complex, faq.Complexity);
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
    public void Configured_thresholds_override_the_models()
    {
        var everythingComplex = new ComplexityClassifier(new ClassifierOptions { ComplexThreshold = 0 });

        Assert.Equal(_classifier.Model.Thresholds, _classifier.Thresholds);
        Assert.Equal(Complexity.Complex, everythingComplex.Classify(ClassificationInput.FromPrompt("hi")).Complexity);
    }

    [Fact]
    public void Invalid_options_are_refused_with_every_problem_listed()
    {
        var options = new ClassifierOptions { ModerateThreshold = double.NaN, CharsPerToken = 0, ModelPath = "/nonexistent/model.json" };

        var errors = options.Validate();

        Assert.Equal(3, errors.Count);
        Assert.Throws<ArgumentException>(() => new ComplexityClassifier(options, ComplexityModel.Default));
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

        // A sanity bound only, far above the expected cost; benchmarks/LocalOpenAi.Benchmarks.Router measures p99.
        Assert.True(elapsed < TimeSpan.FromSeconds(20));
    }

    [GeneratedRegex("""^.+ \((simple|moderate|complex) \+\d+\.\d\d\)$""")]
    private static partial Regex ReasonLine();
}
