namespace LocalOpenAi.Router.Classification;

/// <summary>Weights and thresholds of the complexity classifier (section <c>Router:Classifier</c>).</summary>
/// <remarks>
/// Each feature adds its weight to the score when it fires; the defaults were tuned on the labelled
/// traffic in <c>tests/LocalOpenAi.Tests/Router/Data/agent-traffic.jsonl</c> (see <c>Router/README.md</c>).
/// <c>calibrate-router</c> recomputes the two thresholds for an operator's own traffic.
/// </remarks>
public sealed class ClassifierOptions
{
    /// <summary>Scores at or above this are at least moderate.</summary>
    public double ModerateThreshold { get; set; } = 1.0;

    /// <summary>Scores at or above this are complex.</summary>
    public double ComplexThreshold { get; set; } = 2.5;

    /// <summary>Characters per token for the tokenizer-free estimate.</summary>
    public double CharsPerToken { get; set; } = 4.0;

    public int MediumContextTokens { get; set; } = 1000;
    public double MediumContextWeight { get; set; } = 0.75;
    public int LongContextTokens { get; set; } = 4000;
    public double LongContextWeight { get; set; } = 1.25;
    public int VeryLongContextTokens { get; set; } = 12000;
    public double VeryLongContextWeight { get; set; } = 2.0;

    /// <summary>A code fence or code-shaped lines in the conversation.</summary>
    public double CodeBlockWeight { get; set; } = 1.0;

    /// <summary>Asking for code to be written, changed, reviewed or debugged.</summary>
    public double CodeRequestWeight { get; set; } = 2.5;
    public double StackTraceWeight { get; set; } = 1.5;
    public double LanguageMentionWeight { get; set; } = 0.5;

    /// <summary>Proofs, derivations, step-by-step reasoning, "walk me through", "every case".</summary>
    public double StrongReasoningWeight { get; set; } = 2.5;

    /// <summary>Trade-offs, optimisation, root causes, scenarios.</summary>
    public double ReasoningWeight { get; set; } = 1.5;

    /// <summary>Equations, calculus, linear algebra, proofs' vocabulary.</summary>
    public double AdvancedMathWeight { get; set; } = 2.5;

    /// <summary>Statistics and finance formulas (probability, compound interest, NPV).</summary>
    public double MathWeight { get; set; } = 1.0;

    /// <summary>A word problem: several numbers and a quantity to find.</summary>
    public double WordProblemWeight { get; set; } = 2.0;

    /// <summary>One analysis, evaluation, planning or design cue.</summary>
    public double AnalysisCueWeight { get; set; } = 1.25;

    /// <summary>Two different analysis, evaluation, planning or design cues.</summary>
    public double AnalysisWeight { get; set; } = 2.0;

    /// <summary>Three or more different analysis, evaluation, planning or design cues.</summary>
    public double DeepAnalysisWeight { get; set; } = 2.5;

    /// <summary>A second action on fetched results ("... and tell me which", "... and list them").</summary>
    public double FollowUpActionWeight { get; set; } = 1.0;

    /// <summary>Explaining, summarising or drafting: the moderate middle.</summary>
    public double ExplanationWeight { get; set; } = 1.0;

    /// <summary>"a 2000-word essay", "detailed report".</summary>
    public double LongOutputRequestWeight { get; set; } = 2.5;
    public int LongOutputTokens { get; set; } = 2000;
    public double LongOutputTokensWeight { get; set; } = 1.0;

    public int ManyTurns { get; set; } = 6;
    public double ManyTurnsWeight { get; set; } = 0.5;

    public double ToolsWeight { get; set; } = 0.5;
    public int ManyTools { get; set; } = 5;
    public double ManyToolsWeight { get; set; } = 1.0;

    public double JsonObjectWeight { get; set; } = 0.25;
    public double JsonSchemaWeight { get; set; } = 0.5;

    /// <summary>Share of non-ASCII letters above which text counts as non-English.</summary>
    public double NonEnglishRatio { get; set; } = 0.02;
    public double NonEnglishWeight { get; set; } = 0.25;

    /// <summary>Words in the last user message (when it is not a long pasted context) for a detailed instruction.</summary>
    public int DetailedInstructionWords { get; set; } = 20;
    public double DetailedInstructionWeight { get; set; } = 0.5;
    public int LongInstructionWords { get; set; } = 40;
    public double LongInstructionWeight { get; set; } = 1.0;

    /// <summary>"briefly", "in one sentence", "yes or no": a short answer is wanted (negative).</summary>
    public double BrevityWeight { get; set; } = -1.0;

    /// <summary>A short greeting, lookup or label request (negative); applies below <see cref="ShortPromptTokens"/>.</summary>
    public double SimpleTaskWeight { get; set; } = -0.5;
    public int ShortPromptTokens { get; set; } = 80;

    /// <summary>Points added per agent; keys are agent names or globs such as <c>analyst-*</c>.</summary>
    public Dictionary<string, double> AgentBias { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The thresholds as a value.</summary>
    public ComplexityThresholds Thresholds => new(ModerateThreshold, ComplexThreshold);

    /// <summary>Every problem with these options; empty when they are valid.</summary>
    public IReadOnlyList<string> Validate(string prefix = "Router:Classifier")
    {
        var errors = new List<string>();
        if (!(ModerateThreshold < ComplexThreshold))
        {
            errors.Add($"{prefix}:ModerateThreshold ({ModerateThreshold}) must be below ComplexThreshold ({ComplexThreshold}).");
        }

        if (!(CharsPerToken > 0))
        {
            errors.Add($"{prefix}:CharsPerToken must be positive.");
        }

        if (!(MediumContextTokens > 0 && MediumContextTokens < LongContextTokens && LongContextTokens < VeryLongContextTokens))
        {
            errors.Add($"{prefix}: context sizes must satisfy 0 < MediumContextTokens < LongContextTokens < VeryLongContextTokens.");
        }

        if (LongOutputTokens <= 0 || ManyTurns <= 0 || ManyTools <= 0 || ShortPromptTokens <= 0 || !(DetailedInstructionWords > 0 && DetailedInstructionWords < LongInstructionWords))
        {
            errors.Add($"{prefix}: LongOutputTokens, ManyTurns, ManyTools, ShortPromptTokens must be positive and 0 < DetailedInstructionWords < LongInstructionWords.");
        }

        if (!(NonEnglishRatio is > 0 and <= 1))
        {
            errors.Add($"{prefix}:NonEnglishRatio must be in (0, 1].");
        }

        double[] weights =
        [
            ModerateThreshold, ComplexThreshold, MediumContextWeight, LongContextWeight, VeryLongContextWeight,
            CodeBlockWeight, CodeRequestWeight, StackTraceWeight, LanguageMentionWeight, StrongReasoningWeight, ReasoningWeight, AdvancedMathWeight, MathWeight,
            WordProblemWeight, AnalysisCueWeight, AnalysisWeight, DeepAnalysisWeight, FollowUpActionWeight, DetailedInstructionWeight, LongInstructionWeight, ExplanationWeight, LongOutputRequestWeight, LongOutputTokensWeight, ManyTurnsWeight,
            ToolsWeight, ManyToolsWeight, JsonObjectWeight, JsonSchemaWeight, NonEnglishWeight, BrevityWeight, SimpleTaskWeight,
        ];
        if (weights.Any(w => !double.IsFinite(w)) || AgentBias.Values.Any(w => !double.IsFinite(w)))
        {
            errors.Add($"{prefix}: weights, thresholds and agent biases must be finite numbers.");
        }

        if (AgentBias.Keys.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add($"{prefix}:AgentBias has an empty agent name.");
        }

        return errors;
    }

    /// <summary>A copy of these options with other thresholds (e.g. from calibration).</summary>
    public ClassifierOptions WithThresholds(ComplexityThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        var copy = (ClassifierOptions)MemberwiseClone();
        copy.AgentBias = new Dictionary<string, double>(AgentBias, StringComparer.OrdinalIgnoreCase);
        copy.ModerateThreshold = thresholds.Moderate;
        copy.ComplexThreshold = thresholds.Complex;
        return copy;
    }
}
