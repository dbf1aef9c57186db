using System.Diagnostics;
using System.Threading.Channels;
using LocalOpenAi.Engine.Generation;
using LocalOpenAi.Engine.Native;
using LocalOpenAi.Engine.Sampling;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LocalOpenAi.Engine.Scheduling;

/// <summary>
/// Continuous batching over one llama.cpp context: requests wait in a bounded FIFO queue, are
/// assigned to slots (sequences), and every step decodes one batch holding one token of each
/// generating slot plus prompt chunks of the slots still reading their prompt.
/// </summary>
/// <remarks>
/// A dedicated thread owns the context; callers only touch the queue and their own output channel.
/// A slot keeps its KV cache after a request, and a new request goes to the idle slot sharing the
/// longest token prefix with it, so only the new suffix is computed.
/// </remarks>
public sealed partial class InferenceScheduler : IDisposable
{
    private readonly LlamaModel _model;
    private readonly NativeContext _context;
    private readonly IBatchDecoder _decoder;
    private readonly NativeBatch _batch;
    private readonly Slot[] _slots;
    private readonly Channel<ScheduledRequest> _queue;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Thread _thread;
    private readonly ILogger _logger;
    private readonly bool _sharePrefixes;
    private readonly int _contextPerSlot;
    private readonly int _queueSize;
    private readonly int _prefillBudget;
    private readonly TimeSpan _grammarBudget;
    private volatile bool _draining;
    private int _queueDepth;
    private int _busySlots;
    private long _promptTokensEvaluated;
    private long _promptTokensReused;

    public InferenceScheduler(LlamaModel model, SchedulerOptions options, ILogger<InferenceScheduler>? logger = null)
        : this(model, options, logger, decoder: null)
    {
    }

    /// <param name="decoder">Wraps the context's decode call (tests inject failures); null decodes directly.</param>
    internal InferenceScheduler(LlamaModel model, SchedulerOptions options, ILogger<InferenceScheduler>? logger, Func<IBatchDecoder, IBatchDecoder>? decoder)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Slots, 1);
        CheckAdapter(model, options);
        _model = model;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        var threads = options.EffectiveThreads;
        Threads = threads;
        var settings = new NativeContextSettings(
            ContextSize: options.ContextSize,
            Sequences: options.Slots,
            BatchSize: options.BatchSize,
            MicroBatchSize: Math.Min(options.BatchSize, 512),
            Threads: threads,
            BatchThreads: threads,
            Embeddings: false);
        _context = NativeContext.Create(model.Native, settings)
            ?? throw new ModelLoadException($"llama.cpp could not create a context of {options.ContextSize} tokens for '{model.Path}' (out of memory?).");
        Adapter = options.Adapter;
        AdapterScale = options.AdapterScale;
        if (Adapter is not null)
        {
            try
            {
                _context.SetLoraAdapter(Adapter.Handle, AdapterScale);
            }
            catch (ObjectDisposedException)
            {
                _context.Dispose();
                throw;
            }
        }

        _decoder = decoder is null ? new ContextDecoder(_context) : decoder(new ContextDecoder(_context));
        _batch = new NativeBatch(_context.BatchSize);
        _promptRoomLimit = _batch.Capacity;
        _sharePrefixes = options.SharePrefixes;
        _queueSize = options.QueueSize;
        _prefillBudget = options.PrefillBudget;
        _grammarBudget = options.EffectiveGrammarBudget;
        _contextPerSlot = _context.ContextSize / options.Slots;
        _jumpForward = options.JumpForward;
        _gatherWindow = (long)(options.EffectiveGatherWindow.TotalSeconds * Stopwatch.Frequency);
        _forcedPerSlot = Math.Min(MaxForcedTokens, _batch.Capacity / options.Slots - 1);
        _slots = Enumerable.Range(0, options.Slots).Select(sequence => new Slot(new SequenceId(sequence))).ToArray();
        // Unbounded: the bound is _queueDepth, which a cancelled request leaves at once (it stays in the channel until read).
        _queueSize = options.QueueSize;
        _prefillBudget = options.PrefillBudget;
        _queue = Channel.CreateUnbounded<ScheduledRequest>(new UnboundedChannelOptions { SingleReader = true });
        _thread = new Thread(Run) { IsBackground = true, Name = "llama-decode" };
        _thread.Start();
    }

    /// <summary>The <see cref="GenerationChunk.Error"/> of a generation cancelled because the server stopped, not its client.</summary>
    public const string ShutdownMessage = "The server is shutting down.";

    public LlamaModel Model => _model;

    public int SlotCount => _slots.Length;

    /// <summary>The most requests that can be running or waiting at once: more choices than this in one call can never be served.</summary>
    public int Capacity => _slots.Length + _queueSize;

    /// <summary>The LoRA adapter applied to every request, or null.</summary>
    public LoraAdapter? Adapter { get; }

    /// <summary>The scale <see cref="Adapter"/> is applied at (unused without one).</summary>
    public float AdapterScale { get; }

    /// <summary>CPU threads the decode uses.</summary>
    public int Threads { get; }

    /// <summary>Context cells each request may use: prompt plus completion.</summary>
    public int ContextSizePerSlot => _contextPerSlot;

    public int QueueDepth => Volatile.Read(ref _queueDepth);

    public int BusySlots => Volatile.Read(ref _busySlots);

    /// <summary>Prompt tokens computed since start (not reused from cache).</summary>
    public long PromptTokensEvaluated => Interlocked.Read(ref _promptTokensEvaluated);

    /// <summary>Prompt tokens served from the KV cache since start.</summary>
    public long PromptTokensReused => Interlocked.Read(ref _promptTokensReused);

    /// <summary>Share of the KV cells holding tokens (read without locking: a close estimate).</summary>
    public double KvCacheUsageRatio => _slots.Sum(slot => slot.CachedTokens.Count) / (double)_context.ContextSize;

    public bool IsRunning => _thread.IsAlive && !_draining && !_stopping.IsCancellationRequested;

    /// <summary>Queues a request. Returns at once: with the chunk stream, or with why it was refused.</summary>
    public Submission Submit(GenerationRequest request, CancellationToken cancellationToken = default)
    {
        if (_draining || _stopping.IsCancellationRequested)
        {
            return new Submission(SubmitStatus.Stopped, null, ShutdownMessage);
        }

        var needed = request.PromptTokens.Count + (long)Math.Max(request.MaxTokens ?? 1, 1);
        if (request.PromptTokens.Count == 0 || needed > ContextSizePerSlot)
        {
            return new Submission(SubmitStatus.ContextLengthExceeded, null,
                $"This model's context is {ContextSizePerSlot} tokens per request; the prompt has {request.PromptTokens.Count} tokens and {request.MaxTokens ?? 1} more were requested.");
        }

        NativeSamplerChain sampler;
        try
        {
            sampler = NativeSamplerChain.Create(_model.Native, request.Sampling, _grammarBudget);
        }
        catch (InvalidGrammarException exception)
        {
            return new Submission(SubmitStatus.InvalidGrammar, null, exception.Message);
        }

        if (Interlocked.Increment(ref _queueDepth) > _queueSize)
        {
            Interlocked.Decrement(ref _queueDepth);
            sampler.Dispose();
            return new Submission(SubmitStatus.QueueFull, null, $"All slots are busy and the queue is full ({_queueSize} waiting).");
        }

        var scheduled = new ScheduledRequest(request, sampler, Stopwatch.GetTimestamp(), cancellationToken);
        if (!_queue.Writer.TryWrite(scheduled))
        {
            Interlocked.Decrement(ref _queueDepth);
            sampler.Dispose();
            return new Submission(SubmitStatus.Stopped, null, ShutdownMessage);
        }

        scheduled.WithdrawOnCancel(Withdraw);
        return new Submission(SubmitStatus.Accepted, scheduled.Output.Reader.ReadAllAsync(CancellationToken.None));
    }

    /// <summary>A request cancelled while it waits leaves the queue at once: its place is free and its stream ends.</summary>
    private void Withdraw(ScheduledRequest request)
    {
        Interlocked.Decrement(ref _queueDepth);
        Complete(request, new GenerationChunk(string.Empty, Finish: FinishReason.Cancelled));
        request.Sampler.Dispose();
    }

    /// <summary>
    /// Graceful stop: refuses new requests at once, lets queued and running ones finish until
    /// <paramref name="deadline"/>, then cancels whatever is left and frees the context.
    /// </summary>
    public async Task DrainAsync(TimeSpan deadline)
    {
        _draining = true;
        var giveUp = DateTime.UtcNow + deadline;
        while ((BusySlots > 0 || QueueDepth > 0) && DateTime.UtcNow < giveUp && _thread.IsAlive)
        {
            await Task.Delay(20);
        }

        Dispose();
    }

    private static void CheckAdapter(LlamaModel model, SchedulerOptions options)
    {
        if (options.Adapter is not { } adapter)
        {
            return;
        }

        if (adapter.Model != model)
        {
            throw new ArgumentException($"The adapter '{adapter.Path}' was loaded onto '{adapter.Model.Path}', not onto this scheduler's model.", nameof(options));
        }

        if (!float.IsFinite(options.AdapterScale))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.AdapterScale, "The adapter scale must be a finite number.");
        }
    }

    /// <summary>Stops admitting, cancels what is running, and frees the context.</summary>
    public void Dispose()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        _stopping.Cancel();
        _queue.Writer.TryComplete();
        _thread.Join();
        _batch.Dispose();
        _context.Dispose();
        _stopping.Dispose();
    }
}
