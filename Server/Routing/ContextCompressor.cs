using System.Text.Json.Nodes;
using LocalOpenAi.Formats.OpenAi;
using LocalOpenAi.Server.Agents;
using LocalOpenAi.Server.Models;

namespace LocalOpenAi.Server.Routing;

/// <summary>
/// The hybrid route's first half: long message contents (a RAG context, a long history turn) are
/// summarised by the local model, so the cloud model receives a much shorter request.
/// </summary>
internal static class ContextCompressor
{
    /// <summary>Contents longer than this many tokens are summarised.</summary>
    public const int CompressAboveTokens = 1024;

    private const int SummaryTokens = 256;

    /// <summary>
    /// A copy of the body with long contents replaced by summaries, and the content tokens before and
    /// after; null when no content is long enough to be worth it, or a summary could not be made.
    /// </summary>
    public static async Task<(JsonObject Body, int TokensBefore, int TokensAfter)?> CompressAsync(
        LocalModel model, ChatCompletionRequest request, JsonObject body, CancellationToken cancellationToken)
    {
        var contents = request.Messages!.Select(message => ChunkedSummarizer.Tokenize(model, message.Content ?? string.Empty)).ToList();
        if (!contents.Any(tokens => tokens.Length > CompressAboveTokens))
        {
            return null;
        }

        var compressed = (JsonObject)body.DeepClone();
        var messages = (JsonArray)compressed["messages"]!;
        int before = 0, after = 0;
        for (var i = 0; i < contents.Count; i++)
        {
            before += contents[i].Length;
            if (contents[i].Length <= CompressAboveTokens)
            {
                after += contents[i].Length;
                continue;
            }

            var (summary, _, error) = await ChunkedSummarizer.SummarizeAsync(model, contents[i], SummaryTokens, "detailed", cancellationToken);
            if (summary is null || error is not null)
            {
                return null;
            }

            messages[i]!["content"] = summary;
            after += ChunkedSummarizer.Tokenize(model, summary).Length;
        }

        return (compressed, before, after);
    }
}
