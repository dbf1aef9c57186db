namespace LocalOpenAi.Router.Classification;

/// <summary>The named features: the request's shape and the cue patterns that fire on the instruction.</summary>
internal static partial class RequestFeatures
{
    /// <summary>The named features, in vector order; their names are the reasons <c>/router/classify</c> gives.</summary>
    public static IReadOnlyList<string> Dense { get; } =
    [
        "prompt under 30 tokens", "prompt 30-250 tokens", "prompt 250-1k tokens", "context 1k-4k tokens", "context 4k-12k tokens", "context over 12k tokens",
        "instruction under 8 words", "instruction 8-19 words", "instruction 20-39 words", "instruction 40+ words", "pasted text beyond the window",
        "code request", "code in prompt", "stack trace or compiler error", "programming language named",
        "step-by-step reasoning or proof", "trade-off or optimisation reasoning", "advanced math", "math", "word problem",
        "analysis cue", "two analysis cues", "three or more analysis cues", "follow-up action on results", "explain, summarise or draft",
        "long output requested", "short answer requested", "short lookup, greeting or labelling",
        "json schema output", "json output", "1-4 tools", "5+ tools", "6+ turns", "earlier turns", "system prompt",
        "non-English text", "max_tokens 2000+", "max_tokens under 300", "question mark", "3+ numbers in instruction",
    ];

    private static int DenseCount => Dense.Count;

    private static void AddShape(float[] dense, ClassificationInput input, ConversationShape shape, int tokens)
    {
        dense[tokens switch { < 30 => 0, < 250 => 1, < 1000 => 2, < 4000 => 3, < 12000 => 4, _ => 5 }] = 1;
        dense[28] = input.StructuredOutput == StructuredOutput.JsonSchema ? 1 : 0;
        dense[29] = input.StructuredOutput == StructuredOutput.JsonObject ? 1 : 0;
        dense[30] = input.ToolCount is > 0 and < 5 ? 1 : 0;
        dense[31] = input.ToolCount >= 5 ? 1 : 0;
        dense[32] = shape.Turns >= 6 ? 1 : 0;
        dense[33] = shape.UserTurns >= 2 ? 1 : 0;
        dense[34] = shape.System is { Length: > 0 } ? 1 : 0;
        dense[36] = input.MaxTokens >= 2000 ? 1 : 0;
        dense[37] = input.MaxTokens is > 0 and < 300 ? 1 : 0;
    }

    private static void AddCues(float[] dense, InstructionText text, ConversationShape shape, int userTokens)
    {
        dense[text.Words() switch { null => 10, < 8 => 6, < 20 => 7, < 40 => 8, _ => 9 }] = 1;
        var code = text.Has(PromptCues.CodeRequest()) || text.Has(PromptCues.CodeRequestCjk());
        dense[11] = code ? 1 : 0;
        dense[12] = shape.HasFence || text.CodeShapedLines() >= 3 ? 1 : 0;
        dense[13] = text.HasAsWritten(PromptCues.StackTrace()) ? 1 : 0;
        dense[14] = text.Has(PromptCues.Language()) ? 1 : 0;
        var strong = text.Has(PromptCues.StrongReasoning());
        dense[15] = strong ? 1 : 0;
        dense[16] = !strong && text.Has(PromptCues.Reasoning()) ? 1 : 0;
        var advanced = text.Has(PromptCues.AdvancedMath());
        dense[17] = advanced ? 1 : 0;
        dense[18] = !advanced && text.Has(PromptCues.Math()) ? 1 : 0;
        var numbers = text.Count(PromptCues.Number(), 3);
        dense[19] = userTokens < 120 && numbers >= 3 && text.Has(PromptCues.QuantityQuestion()) ? 1 : 0;
        var analysis = text.CountDistinct(PromptCues.Analysis(), 3);
        dense[20] = analysis == 1 ? 1 : 0;
        dense[21] = analysis == 2 ? 1 : 0;
        dense[22] = analysis >= 3 ? 1 : 0;
        dense[23] = text.Has(PromptCues.FollowUpAction()) ? 1 : 0;
        dense[24] = text.Has(PromptCues.Explanation()) ? 1 : 0;
        dense[25] = text.Has(PromptCues.LongOutput()) ? 1 : 0;
        dense[26] = text.Has(PromptCues.Brevity()) ? 1 : 0;
        dense[27] = userTokens <= 80 && text.Has(PromptCues.SimpleTask()) ? 1 : 0;
        dense[35] = text.NonAsciiLetterShare() >= 0.02 ? 1 : 0;
        dense[38] = text.Has(PromptCues.QuestionMark()) ? 1 : 0;
        dense[39] = numbers >= 3 ? 1 : 0;
    }
}
