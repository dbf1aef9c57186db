using LocalOpenAi.Engine;

namespace LocalOpenAi.Server.Models.Loading;

internal sealed partial class ModelManager
{
    /// <summary>Loads the preloaded aliases, then checks idle models and adapter files at every maintenance tick.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var preloads = _catalog.Definitions.Where(definition => definition.Preload).Select(definition => _entries[definition.Alias]).ToList();
        foreach (var entry in preloads)
        {
            Task<ModelFailure?> loading;
            lock (_gate)
            {
                loading = entry.Loading ??= Task.Run(() => LoadAsync(entry), CancellationToken.None);
            }

            await loading.WaitAsync(stoppingToken);
        }

        using var timer = new PeriodicTimer(_options.MaintenanceInterval, _time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            UnloadIdle();
            await ReloadChangedAdaptersAsync();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await BeginDrain();
    }

    /// <summary>
    /// Starts the shutdown drain once (the host calls it as soon as SIGTERM arrives, while Kestrel still waits
    /// for its requests): new generations are refused, running ones have <c>Inference:DrainTimeout</c> to finish,
    /// then the rest end with a shutdown error, and every model is freed.
    /// </summary>
    public Task BeginDrain()
    {
        lock (_gate)
        {
            if (_drain is not null)
            {
                return _drain;
            }

            _stopping = true;
            // Under the lock: a load finishing now either was installed before (and is detached here) or sees _stopping.
            List<ModelRuntime> runtimes = [.. _entries.Values.Select(Detach).OfType<ModelRuntime>()];
            return _drain = DrainAsync(runtimes);
        }
    }

    private async Task DrainAsync(List<ModelRuntime> runtimes)
    {
        await Task.WhenAll(runtimes.Select(runtime => runtime.Model.Scheduler.DrainAsync(_options.DrainTimeout)));
        foreach (var runtime in runtimes)
        {
            Free(runtime, "shutdown", "shutting down");
        }
    }

    private void UnloadIdle()
    {
        if (_options.IdleUnloadSeconds <= 0)
        {
            return;
        }

        var idleFor = TimeSpan.FromSeconds(_options.IdleUnloadSeconds);
        List<ModelRuntime> idle;
        lock (_gate)
        {
            idle = [.. _entries.Values
                .Where(entry => entry.Current is { Leases: 0 } && _time.GetElapsedTime(entry.LastUsedTicks) >= idleFor)
                .Select(Detach)
                .OfType<ModelRuntime>()];
        }

        foreach (var runtime in idle)
        {
            Free(runtime, "idle", $"idle for {_options.IdleUnloadSeconds} s");
        }
    }

    /// <summary>
    /// Hot reload: an alias whose adapter file changed gets a new instance with the new adapter over the
    /// same shared weights; requests already running finish on the old one, which is freed after them.
    /// </summary>
    private async Task ReloadChangedAdaptersAsync()
    {
        List<(ModelEntry Entry, AdapterStamp Stamp)> changed;
        lock (_gate)
        {
            changed = [.. _entries.Values
                .Where(entry => entry.Current is not null && entry.Definition.Adapter is not null)
                .Select(entry => (Entry: entry, Stamp: AdapterStamp.Read(entry.Definition.Adapter!.Path)))
                .Where(pair => pair.Stamp is { } stamp && stamp != pair.Entry.Current!.AdapterStamp && stamp != pair.Entry.RejectedAdapter)
                .Select(pair => (pair.Entry, pair.Stamp!.Value))];
        }

        foreach (var (entry, stamp) in changed)
        {
            await ReloadAdapterAsync(entry, stamp);
        }
    }

    private async Task ReloadAdapterAsync(ModelEntry entry, AdapterStamp stamp)
    {
        ModelFootprint footprint;
        lock (_gate)
        {
            if (entry.Current is not { } current || _stopping)
            {
                return;
            }

            footprint = current.Footprint with { AdapterBytes = stamp.Length };
        }

        ModelRuntime replacement;
        try
        {
            replacement = await OnOwnThread(() => CreateRuntime(entry.Definition, footprint, stamp));
        }
        catch (ModelLoadException exception)
        {
            lock (_gate)
            {
                entry.RejectedAdapter = stamp;
            }

            Log.AdapterRejected(_logger, entry.Definition.Alias, exception.Message);
            return;
        }

        ModelRuntime? idleOld = null;
        bool installed;
        lock (_gate)
        {
            installed = entry.Current is not null && !_stopping;
            if (installed)
            {
                var old = entry.Current!;
                old.Retired = true;
                entry.Current = replacement;
                entry.RejectedAdapter = null;
                idleOld = old.Leases == 0 ? old : null;
            }
        }

        if (!installed)
        {
            replacement.Dispose();
            return;
        }

        Log.AdapterReloaded(_logger, entry.Definition.Alias, entry.Definition.Adapter!.Path);
        if (idleOld is not null)
        {
            Free(idleOld, "replaced", "its LoRA adapter was replaced");
        }
    }
}
