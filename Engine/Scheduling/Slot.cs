using LocalOpenAi.Engine.Generation;
using LocalOpenAi.Engine.Text;

namespace LocalOpenAi.Engine.Scheduling;

/// <summary>One sequence of the context: its KV contents and the request it is serving, if any.</summary>
/// <remarks>Touched only by the scheduler thread.</remarks>
internal sealed class Slot(int sequence)
{
    public int Sequence { get; } = sequence;

    /// <summary>The tokens whose keys and values are in this sequence's cache, position by position.</summary>
    public List<int> CachedTokens { get; } = [];

    public ScheduledRequest? Active { get; private set; }

    public int PromptCursor { get; set; }

    public int PendingToken { get; set; }

    public int GeneratedTokens { get; set; }

    public int ReusedPromptTokens { get; private set; }

    public int BatchRow { get; set; } = -1;

    public long StartedAt { get; private set; }

    public long FirstTokenAt { get; set; }

    public Utf8StreamDecoder Decoder { get; private set; } = new();

    public StopSequenceMatcher Stops { get; private set; } = new(null);

    public List<TokenLogprob>? Logprobs { get; set; }

    public bool IsIdle => Active is null;

    public bool IsPrefilling => Active is not null && PromptCursor < Active.Request.PromptTokens.Count;

    public void Begin(ScheduledRequest request, int reusedPromptTokens, long now)
    {
        Active = request;
        ReusedPromptTokens = reusedPromptTokens;
        PromptCursor = reusedPromptTokens;
        GeneratedTokens = 0;
        BatchRow = -1;
        StartedAt = now;
        FirstTokenAt = 0;
        Decoder = new Utf8StreamDecoder();
        Stops = new StopSequenceMatcher(request.Request.StopSequences);
        Logprobs = request.Request.TopLogprobs is null ? null : [];
    }

    public void End()
    {
        Active?.Sampler.Dispose();
        Active = null;
        BatchRow = -1;
    }

    /// <summary>Length of the longest common prefix of the cached tokens and <paramref name="prompt"/>.</summary>
    public int CommonPrefixLength(IReadOnlyList<int> prompt)
    {
        var limit = Math.Min(CachedTokens.Count, prompt.Count);
        var length = 0;
        while (length < limit && CachedTokens[length] == prompt[length])
        {
            length++;
        }

        return length;
    }
}
