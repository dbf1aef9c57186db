using LocalOpenAi.Engine;
using LocalOpenAi.Engine.Embeddings;
using LocalOpenAi.Engine.Scheduling;
using LocalOpenAi.Server.Metrics;
using Microsoft.Extensions.Options;

namespace LocalOpenAi.Server.Hosting;

/// <summary>
/// Loads the configured model in the background at start-up (so <c>/health</c> answers at once and
/// <c>/ready</c> turns 200 when loading ends) and frees it on shutdown.
/// </summary>
public sealed partial class ModelHost(IOptions<InferenceOptions> options, LocalOpenAiMetrics metrics, ILoggerFactory loggerFactory, ILogger<ModelHost> logger) : BackgroundService
{
    private volatile LocalModel? _model;
    private volatile string _state = "not started";
    private IDisposable? _gauges;

    public LocalModel? Model => _model;

    /// <summary>Why the host is not ready, or null when it is.</summary>
    public string? NotReadyReason => _model is { Scheduler.IsRunning: true } ? null : _state;

    public IReadOnlyList<string> Aliases => _model is { } model ? [model.Alias] : ConfiguredAlias is { } alias ? [alias] : [];

    private string? ConfiguredAlias => options.Value.Alias
        ?? (string.IsNullOrEmpty(options.Value.Model) ? null : ModelReference.DefaultAlias(options.Value.Model));

    public LocalModel? Find(string? alias) =>
        _model is { } model && (string.IsNullOrEmpty(alias) || string.Equals(alias, model.Alias, StringComparison.OrdinalIgnoreCase)) ? model : null;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() => Load(stoppingToken), stoppingToken);

    private void Load(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (string.IsNullOrEmpty(settings.Model))
        {
            _state = "no model configured (start with --model PATH)";
            return;
        }

        try
        {
            _state = "loading model";
            LlamaBackend.Start(loggerFactory);
            var model = LlamaModel.Load(ModelReference.Resolve(settings.Model), new LlamaModelOptions(settings.GpuLayers));
            var contextSize = settings.ContextSize > 0
                ? settings.ContextSize
                : Math.Min(4096 * settings.Parallel, Math.Max(model.TrainingContextSize, 512));
            var scheduler = new InferenceScheduler(
                model,
                new SchedulerOptions(settings.Parallel, contextSize, settings.BatchSize, settings.Threads, settings.QueueSize),
                loggerFactory.CreateLogger<InferenceScheduler>());
            stoppingToken.ThrowIfCancellationRequested();
            var embeddings = settings.Embeddings
                ? new EmbeddingGenerator(model, Math.Min(model.TrainingContextSize, 8192), scheduler.Threads)
                : null;
            _model = new LocalModel(ConfiguredAlias!, model, scheduler, ChatTemplateSelection.Select(model, settings.ChatTemplate), embeddings, DateTimeOffset.UtcNow);
            _gauges = metrics.RegisterSchedulerGauges(_model.Alias, () => scheduler.QueueDepth, () => scheduler.BusySlots, () => scheduler.KvCacheUsageRatio);
            _state = "ready";
            Log.ModelLoaded(logger, ConfiguredAlias!, model.Description, contextSize, settings.Parallel);
        }
        catch (Exception exception) when (exception is ModelLoadException or Engine.Native.NativeLibraryException)
        {
            _state = $"model failed to load: {exception.Message}";
            Log.ModelFailed(logger, exception.Message);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        _gauges?.Dispose();
        if (_model is { } model)
        {
            _state = "shutting down";
            await model.Scheduler.DrainAsync(options.Value.DrainTimeout);
            _model = null;
            model.Embeddings?.Dispose();
            model.Model.Dispose();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Loaded model {Alias} ({Description}), context {ContextSize} tokens over {Slots} slots")]
        public static partial void ModelLoaded(ILogger logger, string alias, string description, int contextSize, int slots);

        [LoggerMessage(2, LogLevel.Error, "{Reason}")]
        public static partial void ModelFailed(ILogger logger, string reason);
    }
}
