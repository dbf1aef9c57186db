using LocalOpenAi.Engine;
using LocalOpenAi.Engine.Embeddings;
using LocalOpenAi.Engine.Native;
using LocalOpenAi.Engine.Scheduling;
using LocalOpenAi.Engine.Templates;

namespace LocalOpenAi.Server.Models.Loading;

internal sealed partial class ModelManager
{
    /// <summary>Loads an alias: fetch or find its file, make room under the limits, then weights, adapter and scheduler.</summary>
    private async Task<ModelFailure?> LoadAsync(ModelEntry entry)
    {
        var definition = entry.Definition;
        try
        {
            LlamaBackend.Start(_loggerFactory);
            // Fetching the file and reading its GGUF header are file and network I/O: both off the thread pool.
            var footprint = await OnOwnThread(() => ModelFootprint.Measure(ModelReference.Resolve(definition.Source), definition));
            lock (_gate)
            {
                entry.LastFootprint = footprint;
            }

            if (await MakeRoomAsync(entry, footprint) is { } refusal)
            {
                return refusal;
            }

            var runtime = await OnOwnThread(() => CreateRuntime(definition, footprint, definition.Adapter is { } adapter ? AdapterStamp.Read(adapter.Path) : null));
            bool installed;
            lock (_gate)
            {
                // Shutdown may have begun during the load and freed what was loaded then: this one goes too.
                installed = !_stopping;
                if (installed)
                {
                    entry.Current = runtime;
                    entry.HasLoaded = true;
                    entry.LastError = null;
                    entry.LastUsedTicks = _time.GetTimestamp();
                }
            }

            if (!installed)
            {
                runtime.Dispose();
                return new ModelFailure(ModelFailureKind.Unavailable, "The server is shutting down.");
            }

            _metrics.RecordModelLoad(definition.Alias, succeeded: true);
            Log.Loaded(_logger, definition.Alias, ModelDescription.Of(runtime.Model.Model), footprint.ContextSize, definition.Parallel, ByteSize.Format(footprint.TotalBytes));
            return null;
        }
        catch (Exception exception)
        {
            // A model that cannot load must not take the server down: its requests get 503 and the others go on.
            var reason = exception is ModelLoadException or NativeLibraryException ? exception.Message : "an internal error (see the server log)";
            lock (_gate)
            {
                entry.LastError = reason;
            }

            _metrics.RecordModelLoad(definition.Alias, succeeded: false);
            Log.LoadFailed(_logger, definition.Alias, reason, exception is ModelLoadException or NativeLibraryException ? null : exception);
            return new ModelFailure(ModelFailureKind.Unavailable, $"The model '{definition.Alias}' could not be loaded: {reason}");
        }
        finally
        {
            lock (_gate)
            {
                entry.Loading = null;
                entry.Reserved = null;
            }
        }
    }

    /// <summary>
    /// Runs blocking work (a download, reading gigabytes of weights) on a thread of its own, so that
    /// loads never hold the thread pool's few threads that every request's continuations need.
    /// </summary>
    private static Task<T> OnOwnThread<T>(Func<T> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <exception cref="ModelLoadException">The weights, adapter, template or context could not be set up.</exception>
    private ModelRuntime CreateRuntime(Catalog.ModelDefinition definition, ModelFootprint footprint, AdapterStamp? adapterStamp)
    {
        var weights = _weights.Acquire(footprint.WeightsPath, definition.GpuLayers);
        var model = weights.Value;
        LoraAdapter? adapter = null;
        InferenceScheduler? scheduler = null;
        try
        {
            adapter = definition.Adapter is { } configured ? LoraAdapter.Load(model, configured.Path) : null;
            var template = ChatTemplateSelection.Select(model, definition.ChatTemplate);
            scheduler = new InferenceScheduler(
                model,
                new SchedulerOptions(definition.Parallel, footprint.ContextSize, _options.BatchSize, _options.Threads, _options.QueueSize,
                    Adapter: adapter, AdapterScale: definition.Adapter?.Scale ?? 1f, PrefillBudget: _options.PrefillBudget, JumpForward: _options.JumpForward,
                    GatherWindow: TimeSpan.FromMilliseconds(_options.GatherWindowMs)),
                _loggerFactory.CreateLogger<InferenceScheduler>());
            var embeddings = definition.Embeddings
                ? new EmbeddingGenerator(model, Math.Min(model.TrainingContextSize, 8192), scheduler.Threads)
                : null;
            var local = new LocalModel(definition.Alias, model, scheduler, template, embeddings, _time.GetUtcNow(), definition.Defaults);
            var gauges = _metrics.RegisterSchedulerGauges(definition.Alias, () => scheduler.QueueDepth, () => scheduler.BusySlots, () => scheduler.KvCacheUsageRatio);
            return new ModelRuntime(local, weights, adapter, adapterStamp, footprint, gauges);
        }
        catch
        {
            scheduler?.Dispose();
            adapter?.Dispose();
            weights.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Reserves the alias's memory and its place among the loaded models, unloading least recently
    /// used idle aliases as needed; waits while only busy models stand in the way.
    /// </summary>
    private async Task<ModelFailure?> MakeRoomAsync(ModelEntry entry, ModelFootprint footprint)
    {
        if (footprint.TotalBytes > _memoryBudget)
        {
            return new ModelFailure(ModelFailureKind.Unavailable,
                $"The model '{entry.Definition.Alias}' needs {ByteSize.Format(footprint.TotalBytes)}, more than the whole memory budget ({ByteSize.Format(_memoryBudget.Value)}).");
        }

        var deadline = _time.GetTimestamp() + (long)(_options.LoadWaitTimeout.TotalSeconds * _time.TimestampFrequency);
        while (true)
        {
            var evicted = new List<ModelRuntime>();
            Task released;
            bool reserved;
            lock (_gate)
            {
                reserved = TryReserve(entry, footprint, evicted);
                released = _released.Task;
            }

            foreach (var runtime in evicted)
            {
                Free(runtime, "evicted", $"least recently used, making room for {entry.Definition.Alias}");
            }

            if (reserved)
            {
                return null;
            }

            var remaining = _time.GetElapsedTime(_time.GetTimestamp(), deadline);
            if (remaining <= TimeSpan.Zero || _stopping || await Task.WhenAny(released, Task.Delay(remaining, _time)) != released)
            {
                return new ModelFailure(ModelFailureKind.Busy,
                    $"The model '{entry.Definition.Alias}' cannot be loaded now: the loaded models are all serving requests and no more fit ({LimitsText()}).");
            }
        }
    }

    /// <summary>Under the lock: evicts idle aliases, oldest use first, until the new one fits; then reserves it.</summary>
    private bool TryReserve(ModelEntry candidate, ModelFootprint footprint, List<ModelRuntime> evicted)
    {
        while (!Fits(candidate, footprint))
        {
            var victim = _entries.Values
                .Where(entry => entry != candidate && entry.Current is { Leases: 0 })
                .MinBy(entry => entry.LastUsedTicks);
            if (victim is null)
            {
                return false;
            }

            evicted.Add(Detach(victim)!);
        }

        candidate.Reserved = footprint;
        return true;
    }

    private bool Fits(ModelEntry candidate, ModelFootprint footprint)
    {
        var others = _entries.Values.Where(entry => entry != candidate)
            .Select(entry => entry.Current?.Footprint ?? entry.Reserved)
            .OfType<ModelFootprint>()
            .ToList();
        if (_options.MaxLoadedModels > 0 && others.Count + 1 > _options.MaxLoadedModels)
        {
            return false;
        }

        if (_memoryBudget is not { } budget)
        {
            return true;
        }

        var used = others.Sum(other => other.OwnBytes) + others.DistinctBy(other => other.WeightsPath).Sum(other => other.WeightBytes);
        var added = footprint.OwnBytes + (others.Any(other => other.WeightsPath == footprint.WeightsPath) ? 0 : footprint.WeightBytes);
        return used + added <= budget;
    }

    private string LimitsText() => string.Join(", ", new[]
    {
        _options.MaxLoadedModels > 0 ? $"--max-loaded-models {_options.MaxLoadedModels}" : null,
        _memoryBudget is { } budget ? $"--memory-budget {ByteSize.Format(budget)}" : null,
    }.OfType<string>());
}
