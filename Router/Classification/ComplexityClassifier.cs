using LocalOpenAi.Formats.OpenAi;

namespace LocalOpenAi.Router.Classification;

/// <summary>
/// Scores a request's complexity from explainable features (context size, code, reasoning and math cues,
/// analysis, requested output length, turns, tools, structured output, language, agent bias).
/// </summary>
/// <remarks>
/// Stateless and thread-safe. Costs a few microseconds per request: token counts come from characters,
/// and the cue patterns are source-generated and search a bounded window of the last user message.
/// </remarks>
public sealed partial class ComplexityClassifier
{
    private readonly ClassifierOptions _options;

    /// <summary>Creates a classifier; the options must be valid.</summary>
    /// <exception cref="ArgumentException">The options fail <see cref="ClassifierOptions.Validate"/>.</exception>
    public ComplexityClassifier(ClassifierOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        _options = options;
    }

    /// <summary>The options this classifier scores with.</summary>
    public ClassifierOptions Options => _options;

    /// <summary>Scores one request and explains the score.</summary>
    public ClassificationResult Classify(ClassificationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var o = _options;
        var card = new ScoreCard();

        long chars = 0;
        var turns = 0;
        var hasFence = false;
        ChatMessage? lastUser = null;
        foreach (var message in input.Messages)
        {
            var content = message.Content ?? string.Empty;
            chars += content.Length;
            hasFence |= content.Contains("```", StringComparison.Ordinal);
            if (message.ToolCalls is { } calls)
            {
                foreach (var call in calls)
                {
                    chars += call.Function.Arguments?.Length ?? 0;
                }
            }

            if (message.Role is "user" or "assistant")
            {
                turns++;
            }

            if (message.Role == "user")
            {
                lastUser = message;
            }
        }

        var tokens = (int)System.Math.Min(int.MaxValue, System.Math.Ceiling(chars / o.CharsPerToken));
        var userTokens = (int)System.Math.Ceiling((lastUser?.Content?.Length ?? 0) / o.CharsPerToken);
        ScoreContext(card, tokens);

        var text = new InstructionText(lastUser?.Content);
        var contentCue = ScoreContent(card, text, userTokens, hasFence);
        ScoreOutput(card, input, text);
        ScoreShape(card, input, turns, text);
        if (!contentCue && userTokens <= o.ShortPromptTokens && text.Has(PromptCues.SimpleTask()))
        {
            card.Add("short lookup, greeting or labelling", o.SimpleTaskWeight);
        }

        if (AgentBias(input.Agent) is { } bias)
        {
            card.Add($"agent {bias.Agent}", bias.Points);
        }

        var score = System.Math.Round(card.Score, 4);
        return new ClassificationResult(o.Thresholds.Classify(score), score, card.Reasons, tokens);
    }

    private void ScoreContext(ScoreCard card, int tokens)
    {
        var o = _options;
        var k = $"{tokens / 1000.0:0.#}k tokens";
        if (tokens >= o.VeryLongContextTokens)
        {
            card.Add($"very long context {k}", o.VeryLongContextWeight);
        }
        else if (tokens >= o.LongContextTokens)
        {
            card.Add($"long context {k}", o.LongContextWeight);
        }
        else if (tokens >= o.MediumContextTokens)
        {
            card.Add($"medium context {k}", o.MediumContextWeight);
        }
    }

    private void ScoreOutput(ScoreCard card, ClassificationInput input, InstructionText text)
    {
        var o = _options;
        if (text.Has(PromptCues.LongOutput()))
        {
            card.Add("long output requested", o.LongOutputRequestWeight);
        }
        else if (input.MaxTokens >= o.LongOutputTokens)
        {
            card.Add($"max_tokens {input.MaxTokens}", o.LongOutputTokensWeight);
        }

        if (text.Has(PromptCues.Brevity()))
        {
            card.Add("short answer requested", o.BrevityWeight);
        }

        if (input.StructuredOutput == StructuredOutput.JsonSchema)
        {
            card.Add("json schema output", o.JsonSchemaWeight);
        }
        else if (input.StructuredOutput == StructuredOutput.JsonObject)
        {
            card.Add("json output", o.JsonObjectWeight);
        }
    }

    private void ScoreShape(ScoreCard card, ClassificationInput input, int turns, InstructionText text)
    {
        var o = _options;
        if (turns >= o.ManyTurns)
        {
            card.Add($"{turns} turns", o.ManyTurnsWeight);
        }

        if (input.ToolCount >= o.ManyTools)
        {
            card.Add($"{input.ToolCount} tools", o.ManyToolsWeight);
        }
        else if (input.ToolCount > 0)
        {
            card.Add(input.ToolCount == 1 ? "1 tool" : $"{input.ToolCount} tools", o.ToolsWeight);
        }

        if (text.NonAsciiLetterShare() >= o.NonEnglishRatio)
        {
            card.Add("non-English text", o.NonEnglishWeight);
        }
    }

    private (string Agent, double Points)? AgentBias(string? agent)
    {
        if (string.IsNullOrWhiteSpace(agent) || _options.AgentBias.Count == 0)
        {
            return null;
        }

        if (_options.AgentBias.TryGetValue(agent, out var exact))
        {
            return (agent, exact);
        }

        foreach (var (pattern, points) in _options.AgentBias)
        {
            if (GlobPattern.IsMatch(pattern, agent))
            {
                return (agent, points);
            }
        }

        return null;
    }
}
