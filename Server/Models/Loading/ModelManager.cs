using LocalOpenAi.Server.Metrics;
using LocalOpenAi.Server.Models.Catalog;
using Microsoft.Extensions.Options;

namespace LocalOpenAi.Server.Models.Loading;

/// <summary>
/// Serves the catalog's aliases: loads each on first use (once, however many requests ask at the
/// same time), keeps the loaded set inside <c>--max-loaded-models</c> and <c>--memory-budget</c> by
/// unloading the least recently used idle alias, unloads aliases idle too long, and reloads LoRA
/// adapters whose files change. A model with requests in flight is never unloaded.
/// </summary>
internal sealed partial class ModelManager : BackgroundService
{
    private const int MaxAcquireAttempts = 3;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, ModelEntry> _entries;
    private readonly SharedWeights _weights = new();
    private readonly ModelCatalog _catalog;
    private readonly InferenceOptions _options;
    private readonly long? _memoryBudget;
    private readonly LocalOpenAiMetrics _metrics;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _stopping;
    private Task? _drain;

    public ModelManager(ModelCatalog catalog, IOptions<InferenceOptions> options, LocalOpenAiMetrics metrics, ILoggerFactory loggerFactory, TimeProvider time)
    {
        _catalog = catalog;
        _options = options.Value;
        _memoryBudget = ByteSize.TryParse(_options.MemoryBudget, out var budget) ? budget : null;
        _metrics = metrics;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<ModelManager>();
        _time = time;
        _entries = catalog.Definitions.ToDictionary(definition => definition.Alias, definition => new ModelEntry(definition), StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<string> Aliases => [.. _catalog.Definitions.Select(definition => definition.Alias)];

    public string? DefaultAlias => _catalog.DefaultAlias;

    public bool IsKnown(string alias) => _entries.ContainsKey(alias);

    /// <summary>
    /// Why the server is not ready, or null: ready once every preloaded alias has loaded (one unloaded
    /// later for idleness stays ready: it loads again on demand) and none failed its last load.
    /// </summary>
    public string? NotReadyReason
    {
        get
        {
            if (_catalog.Definitions.Count == 0)
            {
                return "no model configured (start with --model PATH or --models-file FILE)";
            }

            if (_stopping)
            {
                return "shutting down";
            }

            lock (_gate)
            {
                var waiting = _entries.Values.FirstOrDefault(entry => entry.Definition.Preload
                    && (entry.LastError is not null || (entry.Current is { } current ? !current.Model.Scheduler.IsRunning : !entry.HasLoaded)));
                return waiting is null ? null
                    : waiting.LastError is { } error ? $"model {waiting.Definition.Alias} failed to load: {error}"
                    : waiting.Loading is not null ? $"loading model {waiting.Definition.Alias}"
                    : $"model {waiting.Definition.Alias} not loaded yet";
            }
        }
    }

    public IReadOnlyList<ModelStatus> Describe()
    {
        lock (_gate)
        {
            return [.. _catalog.Definitions.Select(definition => Describe(_entries[definition.Alias]))];
        }
    }

    public ModelStatus? Describe(string alias)
    {
        lock (_gate)
        {
            return _entries.TryGetValue(alias, out var entry) ? Describe(entry) : null;
        }
    }

    /// <summary>
    /// A lease on the alias (the default one when null), loading it first when needed. The caller
    /// must dispose the lease when its response is complete.
    /// </summary>
    /// <exception cref="OperationCanceledException">The caller gave up while the model was loading (the load goes on).</exception>
    public async Task<ModelAcquisition> AcquireAsync(string? alias, CancellationToken cancellationToken)
    {
        alias ??= DefaultAlias;
        if (alias is null || !_entries.TryGetValue(alias, out var entry))
        {
            return new ModelAcquisition(null, new ModelFailure(ModelFailureKind.NotFound, $"The model '{alias}' does not exist."));
        }

        for (var attempt = 0; attempt < MaxAcquireAttempts; attempt++)
        {
            if (_stopping)
            {
                return new ModelAcquisition(null, new ModelFailure(ModelFailureKind.Unavailable, "The server is shutting down."));
            }

            Task<ModelFailure?> loading;
            lock (_gate)
            {
                if (entry.Current is { } runtime)
                {
                    runtime.Leases++;
                    entry.LastUsedTicks = _time.GetTimestamp();
                    return new ModelAcquisition(new Lease<LocalModel>(runtime.Model, () => Release(entry, runtime)), null);
                }

                loading = entry.Loading ??= Task.Run(() => LoadAsync(entry));
            }

            if (await loading.WaitAsync(cancellationToken) is { } failure)
            {
                return new ModelAcquisition(null, failure);
            }
        }

        return new ModelAcquisition(null, new ModelFailure(ModelFailureKind.Busy, $"The model '{alias}' was unloaded again before it could be used: the memory budget is too small for the models in use."));
    }

    /// <summary>Unloads an idle alias now. False with a reason when requests are in flight on it.</summary>
    public (bool Unloaded, string? Refusal) Unload(string alias)
    {
        ModelRuntime? runtime;
        lock (_gate)
        {
            if (!_entries.TryGetValue(alias, out var entry))
            {
                return (false, $"The model '{alias}' does not exist.");
            }

            if (entry.Current is { Leases: > 0 } busy)
            {
                return (false, $"The model '{alias}' has {busy.Leases} request(s) in flight; try again when they finish.");
            }

            runtime = Detach(entry);
        }

        if (runtime is not null)
        {
            Free(runtime, "admin", "unloaded by an administrator");
        }

        return (runtime is not null, null);
    }

    private void Release(ModelEntry entry, ModelRuntime runtime)
    {
        bool free;
        TaskCompletionSource released;
        lock (_gate)
        {
            runtime.Leases--;
            entry.LastUsedTicks = _time.GetTimestamp();
            free = runtime.Retired && runtime.Leases == 0 && !_stopping;
            released = _released;
            _released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        if (free)
        {
            Free(runtime, "replaced", "its LoRA adapter was replaced and its last request finished");
        }

        released.TrySetResult();
    }

    /// <summary>Takes the alias's runtime out of service (under the lock); the caller frees it outside the lock.</summary>
    private static ModelRuntime? Detach(ModelEntry entry)
    {
        var runtime = entry.Current;
        entry.Current = null;
        if (runtime is not null)
        {
            runtime.Retired = true;
        }

        return runtime;
    }

    /// <param name="reason">The metric's label: evicted, idle, admin, replaced or shutdown.</param>
    private void Free(ModelRuntime runtime, string reason, string detail)
    {
        runtime.Dispose();
        _metrics.RecordModelUnload(runtime.Model.Alias, reason);
        Log.Unloaded(_logger, runtime.Model.Alias, detail);
    }

    private ModelStatus Describe(ModelEntry entry)
    {
        var state = entry.Current is not null ? "loaded" : entry.Loading is not null ? "loading" : "unloaded";
        var footprint = entry.Current?.Footprint ?? entry.Reserved ?? entry.LastFootprint;
        return new ModelStatus(entry.Definition.Alias, state, footprint?.TotalBytes, entry.Current?.Model.LoadedAt, entry.Current?.Leases ?? 0, entry.LastError);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Loaded model {Alias} ({Description}), context {ContextSize} tokens over {Slots} slots, {Memory}")]
        public static partial void Loaded(ILogger logger, string alias, string description, int contextSize, int slots, string memory);

        [LoggerMessage(2, LogLevel.Error, "Model {Alias} failed to load: {Reason}")]
        public static partial void LoadFailed(ILogger logger, string alias, string reason, Exception? exception);

        [LoggerMessage(3, LogLevel.Information, "Unloaded model {Alias}: {Why}")]
        public static partial void Unloaded(ILogger logger, string alias, string why);

        [LoggerMessage(4, LogLevel.Information, "Reloaded the LoRA adapter of {Alias} from {Path}")]
        public static partial void AdapterReloaded(ILogger logger, string alias, string path);

        [LoggerMessage(5, LogLevel.Warning, "The changed LoRA adapter of {Alias} could not be loaded; the previous one stays in service: {Reason}")]
        public static partial void AdapterRejected(ILogger logger, string alias, string reason);
    }
}
