using System.Text.Json.Nodes;
using LocalOpenAi.Formats.OpenAi;
using LocalOpenAi.Server.Agents;
using LocalOpenAi.Server.Hosting;

namespace LocalOpenAi.Server.Routing;

/// <summary>
/// The hybrid route's first half: long message contents (a RAG context, a long history turn) are
/// summarised by the local model, so the cloud model receives a much shorter request.
/// </summary>
public static class ContextCompressor
{
    /// <summary>Contents longer than this many tokens are summarised.</summary>
    public const int CompressAboveTokens = 1024;

    private const int SummaryTokens = 256;

    /// <summary>Whether any message is long enough to be worth compressing.</summary>
    public static bool IsWorthwhile(LocalModel model, ChatCompletionRequest request) =>
        request.Messages!.Any(message => CountTokens(model, message.Content) > CompressAboveTokens);

    /// <summary>A copy of the body with long contents replaced by summaries, and the content tokens before and after.</summary>
    public static async Task<(JsonObject Body, int TokensBefore, int TokensAfter)?> CompressAsync(
        LocalModel model, ChatCompletionRequest request, JsonObject body, CancellationToken cancellationToken)
    {
        var compressed = (JsonObject)body.DeepClone();
        var messages = (JsonArray)compressed["messages"]!;
        int before = 0, after = 0;
        for (var i = 0; i < request.Messages!.Count; i++)
        {
            var content = request.Messages[i].Content;
            var tokens = CountTokens(model, content);
            before += tokens;
            if (tokens <= CompressAboveTokens)
            {
                after += tokens;
                continue;
            }

            var (summary, _, error) = await ChunkedSummarizer.SummarizeAsync(model, content!, SummaryTokens, "detailed", cancellationToken);
            if (summary is null || error is not null)
            {
                return null;
            }

            messages[i]!["content"] = summary;
            after += CountTokens(model, summary);
        }

        return (compressed, before, after);
    }

    private static int CountTokens(LocalModel model, string? text) =>
        string.IsNullOrEmpty(text) ? 0 : model.Model.Tokenize(text, addBeginOfSequence: false, parseSpecial: false).Length;
}
