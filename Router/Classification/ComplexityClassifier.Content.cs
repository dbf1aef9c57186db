namespace LocalOpenAi.Router.Classification;

/// <summary>The content cues: code, reasoning, math, analysis, explanation, instruction length.</summary>
public sealed partial class ComplexityClassifier
{
    /// <returns>Whether any content cue fired (which rules out the "short lookup" discount).</returns>
    private bool ScoreContent(ScoreCard card, InstructionText text, int userTokens, bool hasFence)
    {
        var o = _options;
        var fired = false;
        void Add(bool when, string feature, double points)
        {
            if (when)
            {
                card.Add(feature, points);
                fired = true;
            }
        }

        Add(text.Has(PromptCues.CodeRequest()) || text.Has(PromptCues.CodeRequestCjk()), "code request", o.CodeRequestWeight);
        Add(hasFence || text.CodeShapedLines() >= 3, "code in prompt", o.CodeBlockWeight);
        Add(text.HasAsWritten(PromptCues.StackTrace()), "stack trace or compiler error", o.StackTraceWeight);
        if (text.Has(PromptCues.Language()))
        {
            card.Add("programming language named", o.LanguageMentionWeight);
        }

        var strong = text.Has(PromptCues.StrongReasoning());
        Add(strong, "step-by-step reasoning or proof", o.StrongReasoningWeight);
        Add(!strong && text.Has(PromptCues.Reasoning()), "trade-off or optimisation reasoning", o.ReasoningWeight);
        var advanced = text.Has(PromptCues.AdvancedMath());
        Add(advanced, "advanced math", o.AdvancedMathWeight);
        Add(!advanced && text.Has(PromptCues.Math()), "math", o.MathWeight);
        Add(
            userTokens < 120 && text.Has(PromptCues.QuantityQuestion()) && text.Count(PromptCues.Number(), 3) >= 3,
            "word problem",
            o.WordProblemWeight);
        var analysis = text.CountDistinct(PromptCues.Analysis(), 3);
        Add(analysis == 1, "analysis cue", o.AnalysisCueWeight);
        Add(analysis == 2, "analysis or planning", o.AnalysisWeight);
        Add(analysis >= 3, "in-depth analysis or planning", o.DeepAnalysisWeight);
        Add(text.Has(PromptCues.FollowUpAction()), "follow-up action on results", o.FollowUpActionWeight);
        Add(text.Has(PromptCues.Explanation()), "explain, summarise or draft", o.ExplanationWeight);

        var words = text.Words();
        if (words >= o.LongInstructionWords)
        {
            card.Add($"long instruction {words} words", o.LongInstructionWeight);
        }
        else if (words >= o.DetailedInstructionWords)
        {
            card.Add($"detailed instruction {words} words", o.DetailedInstructionWeight);
        }

        return fired;
    }
}
