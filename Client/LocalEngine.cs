using LocalOpenAi.Engine;
using LocalOpenAi.Engine.Embeddings;
using LocalOpenAi.Engine.Scheduling;
using LocalOpenAi.Engine.Templates;
using LocalOpenAi.Formats.Templates;
using Microsoft.Extensions.Logging;

namespace LocalOpenAi.Client;

/// <summary>One loaded model shared by the chat client and the embedding generator: weights, scheduler, template.</summary>
/// <remarks>The embedding context is made on first use, so a chat-only app never pays for it.</remarks>
internal sealed class LocalEngine : IDisposable
{
    private readonly LlamaModel _model;
    private readonly InferenceScheduler _scheduler;
    private readonly Lazy<EmbeddingGenerator> _embeddings;
    private volatile bool _disposed;

    /// <exception cref="ModelLoadException">The file, the template or the context could not be set up.</exception>
    public LocalEngine(LocalOpenAiClientOptions options, ILoggerFactory? loggerFactory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ModelPath, nameof(options.ModelPath));
        _model = LlamaModel.Load(options.ModelPath, new LlamaModelOptions(options.GpuLayers));
        try
        {
            Template = ChatTemplateSelection.Select(_model, options.ChatTemplate);
            _scheduler = new InferenceScheduler(
                _model,
                new SchedulerOptions(options.Slots, options.ContextSize, Threads: options.Threads, QueueSize: options.QueueSize),
                loggerFactory?.CreateLogger<InferenceScheduler>());
        }
        catch
        {
            _model.Dispose();
            throw;
        }

        ModelId = options.ModelId ?? Path.GetFileNameWithoutExtension(options.ModelPath);
        var embeddingContext = Math.Min(_model.TrainingContextSize, options.EmbeddingContextSize);
        _embeddings = new Lazy<EmbeddingGenerator>(() => new EmbeddingGenerator(Model, embeddingContext, _scheduler.Threads));
    }

    public string ModelId { get; }

    public IChatTemplate Template { get; }

    public LlamaModel Model => Alive(_model);

    public InferenceScheduler Scheduler => Alive(_scheduler);

    public EmbeddingGenerator Embeddings => Alive(_embeddings).Value;

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_embeddings.IsValueCreated)
        {
            _embeddings.Value.Dispose();
        }

        _scheduler.Dispose();
        _model.Dispose();
    }

    private T Alive<T>(T value)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return value;
    }
}
