using LocalOpenAi.Engine.Sampling;
using LocalOpenAi.Formats.OpenAi;
using LocalOpenAi.Server.Generation;
using LocalOpenAi.Server.Models;

namespace LocalOpenAi.Server.Agents;

/// <summary>
/// Summarises text of any length on a local model: text that fits one request is summarised
/// directly; longer text is cut into parts that fit, the parts are summarised concurrently, and
/// the joined part summaries are summarised again until one request holds them.
/// </summary>
internal static class ChunkedSummarizer
{
    /// <summary>Room kept free beside prompt and summary, for template tokens the estimate misses.</summary>
    private const int SafetyMargin = 16;
    private const int MinimumPartTokens = 64;

    public static IReadOnlyDictionary<string, string> Styles { get; } = new Dictionary<string, string>
    {
        ["concise"] = "Summarise the text in a few plain sentences.",
        ["bullets"] = "Summarise the text as short bullet points, one fact per bullet.",
        ["detailed"] = "Write a thorough summary of the text that keeps every figure, name and decision.",
        ["headline"] = "Summarise the text in one headline-style sentence.",
    };

    /// <summary>The summary of <paramref name="tokens"/> (the text, tokenized without special tokens) and the tokens it took; null with an error message when the model's context is too small.</summary>
    public static async Task<(string? Summary, int SummaryTokens, string? Error)> SummarizeAsync(
        LocalModel model, int[] tokens, int maxSummaryTokens, string style, CancellationToken cancellationToken)
    {
        var instruction = Styles[style];
        var overhead = LocalChatRunner.CountPromptTokens(model, Messages(instruction, string.Empty));
        var budget = model.Scheduler.ContextSizePerSlot - overhead - maxSummaryTokens - SafetyMargin;
        if (budget < MinimumPartTokens)
        {
            return (null, 0, $"A summary of {maxSummaryTokens} tokens leaves too little of the model's {model.Scheduler.ContextSizePerSlot}-token context for the text.");
        }

        using var concurrency = new SemaphoreSlim(model.Scheduler.SlotCount);
        while (tokens.Length > budget)
        {
            // Each part summary is at most half a part, so every round at least halves the text.
            var partSummaryTokens = Math.Min(maxSummaryTokens, budget / 2);
            var parts = tokens.Chunk(budget).Select(part => model.Model.Detokenize(part, renderSpecial: false));
            var summaries = await Task.WhenAll(parts.Select(part => SummarizePartAsync(model, instruction, part, partSummaryTokens, concurrency, cancellationToken)));
            if (summaries.FirstOrDefault(summary => !summary.Succeeded) is { } failed)
            {
                return (null, 0, failed.Error ?? "A part of the text could not be summarised.");
            }

            tokens = Tokenize(model, string.Join("\n\n", summaries.Select(summary => summary.Text.Trim())));
        }

        var final = await SummarizePartAsync(model, instruction, model.Model.Detokenize(tokens, renderSpecial: false), maxSummaryTokens, concurrency, cancellationToken);
        return final.Succeeded ? (final.Text.Trim(), final.CompletionTokens, null) : (null, 0, final.Error ?? "The summary could not be generated.");
    }

    /// <summary>Tokenizes text the way <see cref="SummarizeAsync"/> expects it.</summary>
    public static int[] Tokenize(LocalModel model, string text) => model.Model.Tokenize(text, addBeginOfSequence: false, parseSpecial: false);

    private static async Task<LocalChatRunner.Result> SummarizePartAsync(
        LocalModel model, string instruction, string part, int maxTokens, SemaphoreSlim concurrency, CancellationToken cancellationToken)
    {
        await concurrency.WaitAsync(cancellationToken);
        try
        {
            return await LocalChatRunner.RunAsync(model, Messages(instruction, part), SamplingOptions.Greedy, maxTokens, cancellationToken);
        }
        finally
        {
            concurrency.Release();
        }
    }

    private static ChatMessage[] Messages(string instruction, string text) =>
    [
        new() { Role = "system", Content = instruction + " Reply with the summary only." },
        new() { Role = "user", Content = text },
    ];
}
