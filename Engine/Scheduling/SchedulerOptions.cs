namespace LocalOpenAi.Engine.Scheduling;

/// <summary>How one model's context is shared between concurrent requests.</summary>
/// <param name="Slots">Sequences decoded together (llama-server's <c>--parallel</c>).</param>
/// <param name="ContextSize">Total KV cells; each slot gets <c>ContextSize / Slots</c>.</param>
/// <param name="BatchSize">Most tokens in one decode step (generating slots plus prompt chunks).</param>
/// <param name="Threads">CPU threads for decoding; 0 uses every core.</param>
/// <param name="QueueSize">Requests that may wait for a slot before new ones are refused.</param>
/// <param name="SharePrefixes">Slots copy a common prompt prefix from each other's caches, so it is computed once.</param>
/// <param name="Adapter">A LoRA adapter of the same model applied to every request; null for none.</param>
/// <param name="AdapterScale">How strongly the adapter applies: 1 as trained, 0 not at all.</param>
/// <param name="PrefillBudget">
/// Most prompt tokens a step reads while other slots are generating, so a new long prompt does not stall their
/// streams for a whole batch; 0 reads as much as the batch holds. Alone, a prompt always fills the batch.
/// </param>
/// <param name="GrammarBudget">
/// The longest a request's grammar may take to compile, or to filter the vocabulary in one decode
/// step (null: 5 seconds, far above any sane grammar even on a loaded machine). Over it the request
/// is refused or ended, so that one pathological grammar cannot stall the other slots for more than a step.
/// </param>
/// <param name="JumpForward">
/// Where a request's grammar admits only one continuation, append its tokens in one batch instead of one
/// decode step each (jump-forward decoding); they count as output tokens.
/// </param>
/// <param name="GatherWindow">
/// The longest a step that would only read prompts waits for the rest of a burst of requests, so streams that
/// start together stay in step (see <c>InferenceScheduler.Gathering</c>); null: 20 ms, zero: never waits.
/// </param>
public sealed record SchedulerOptions(
    int Slots = 4,
    int ContextSize = 16384,
    int BatchSize = 2048,
    int Threads = 0,
    int QueueSize = 64,
    bool SharePrefixes = true,
    LoraAdapter? Adapter = null,
    float AdapterScale = 1f,
    int PrefillBudget = 0,
    TimeSpan? GrammarBudget = null,
    bool JumpForward = true,
    TimeSpan? GatherWindow = null)
{
    public TimeSpan EffectiveGatherWindow => GatherWindow ?? TimeSpan.FromMilliseconds(20);

    public TimeSpan EffectiveGrammarBudget => GrammarBudget ?? TimeSpan.FromSeconds(5);

    public int EffectiveThreads => Threads > 0 ? Threads : Environment.ProcessorCount;
}
