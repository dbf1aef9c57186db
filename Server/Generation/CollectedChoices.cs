using System.Text;
using LocalOpenAi.Engine.Generation;
using LocalOpenAi.Server.Errors;

namespace LocalOpenAi.Server.Generation;

/// <summary>The choices of a non-streamed request, run to the end.</summary>
internal sealed class CollectedChoices
{
    private CollectedChoices(int count)
    {
        Texts = new string[count];
        Logprobs = new List<TokenLogprob>?[count];
        Finals = new GenerationChunk[count];
    }

    public string[] Texts { get; }

    public List<TokenLogprob>?[] Logprobs { get; }

    public GenerationChunk[] Finals { get; }

    public int CompletionTokens => Finals.Sum(final => final.Usage?.CompletionTokens ?? 0);

    public int CachedPromptTokens => Finals.Max(final => final.Usage?.CachedPromptTokens ?? 0);

    /// <summary>Set when a choice failed or was cancelled: the answer to send instead.</summary>
    public ErrorResult? Failure { get; private set; }

    public static async Task<CollectedChoices> CollectAsync(IReadOnlyList<IAsyncEnumerable<GenerationChunk>> choices)
    {
        var collected = new CollectedChoices(choices.Count);
        var texts = choices.Select(_ => new StringBuilder()).ToArray();
        await foreach (var (index, chunk) in ChoiceMerger.MergeAsync(choices, CancellationToken.None))
        {
            texts[index].Append(chunk.Text);
            if (chunk.Logprobs is not null)
            {
                (collected.Logprobs[index] ??= []).AddRange(chunk.Logprobs);
            }

            if (chunk.IsFinal)
            {
                collected.Finals[index] = chunk;
                collected.Failure ??= chunk.Finish switch
                {
                    FinishReason.Error => OpenAiError.Internal(chunk.Error ?? "Generation failed."),
                    FinishReason.Cancelled => chunk.Error is { } shutdown ? OpenAiError.ShuttingDown(shutdown) : OpenAiError.ClientGone,
                    _ => null,
                };
            }
        }

        for (var i = 0; i < texts.Length; i++)
        {
            collected.Texts[i] = texts[i].ToString();
        }

        return collected;
    }
}
