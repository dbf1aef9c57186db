using LocalOpenAi.Engine.Generation;
using LocalOpenAi.Engine.Native;
using LocalOpenAi.Engine.Text;

namespace LocalOpenAi.Engine.Scheduling;

/// <summary>One sequence of the context: its KV contents and the request it is serving, if any.</summary>
/// <remarks>Touched only by the scheduler thread.</remarks>
internal sealed class Slot(SequenceId sequence)
{
    public SequenceId Sequence { get; } = sequence;

    /// <summary>The tokens whose keys and values are in this sequence's cache, position by position.</summary>
    public List<int> CachedTokens { get; } = [];

    public ScheduledRequest? Active { get; private set; }

    public int PromptCursor { get; set; }

    public int PendingToken { get; set; }

    /// <summary>Tokens the grammar forced after <see cref="PendingToken"/>, decoded with it in the next batch.</summary>
    public List<int> Forced { get; } = [];

    public int GeneratedTokens { get; set; }

    /// <summary>How many of <see cref="GeneratedTokens"/> were forced by the grammar instead of sampled.</summary>
    public int ForcedTokens { get; set; }

    public int ReusedPromptTokens { get; private set; }

    public int BatchRow { get; set; } = -1;

    /// <summary>How many tokens were cached before the batch being built; what undoing it removes from.</summary>
    public int BatchStart { get; set; }

    /// <summary>Prompt tokens the batch being built carries for this slot.</summary>
    public int BatchPromptTokens { get; set; }

    public long StartedAt { get; private set; }

    public long FirstTokenAt { get; set; }

    public Utf8StreamDecoder Decoder { get; private set; } = new();

    public StopSequenceMatcher Stops { get; private set; } = new(null);

    public List<TokenLogprob>? Logprobs { get; set; }

    public bool IsIdle => Active is null;

    /// <summary>The slot whose prefill this one waits for, to share its prompt prefix instead of computing it again.</summary>
    public Slot? PrefixLeader { get; private set; }

    /// <summary>How many leading prompt tokens the leader will provide.</summary>
    public int PrefixLength { get; private set; }

    public bool IsPrefilling => Active is not null && PrefixLeader is null && PromptCursor < Active.Request.PromptTokens.Count;

    /// <summary>The prompt is in the cache and the slot adds one sampled token per step.</summary>
    public bool IsGenerating => Active is not null && PrefixLeader is null && PromptCursor >= Active.Request.PromptTokens.Count;

    public void Begin(ScheduledRequest request, long now)
    {
        Active = request;
        ReusedPromptTokens = 0;
        PromptCursor = 0;
        PrefixLeader = null;
        GeneratedTokens = 0;
        ForcedTokens = 0;
        Forced.Clear();
        BatchRow = -1;
        StartedAt = now;
        FirstTokenAt = 0;
        Decoder = new Utf8StreamDecoder();
        Stops = new StopSequenceMatcher(request.Request.StopSequences);
        Logprobs = request.Request.TopLogprobs is null ? null : [];
    }

    /// <summary>Records that the first <paramref name="reused"/> prompt tokens are already in this slot's cache.</summary>
    public void StartAfter(int reused)
    {
        ReusedPromptTokens = reused;
        PromptCursor = reused;
        PrefixLeader = null;
    }

    public void WaitFor(Slot leader, int length)
    {
        PrefixLeader = leader;
        PrefixLength = length;
    }

    public void End()
    {
        Active?.Sampler.Dispose();
        Active = null;
        PrefixLeader = null;
        BatchRow = -1;
    }

    /// <summary>Length of the longest common prefix of the cached tokens and <paramref name="prompt"/>.</summary>
    public int CommonPrefixLength(IReadOnlyList<int> prompt) => CommonPrefix(CachedTokens, prompt);

    public static int CommonPrefix(IReadOnlyList<int> first, IReadOnlyList<int> second)
    {
        var limit = Math.Min(first.Count, second.Count);
        var length = 0;
        while (length < limit && first[length] == second[length])
        {
            length++;
        }

        return length;
    }
}
