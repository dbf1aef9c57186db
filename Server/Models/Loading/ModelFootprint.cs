using LocalOpenAi.Formats.Gguf;
using LocalOpenAi.Server.Models.Catalog;

namespace LocalOpenAi.Server.Models.Loading;

/// <summary>
/// What an alias takes in memory, known before loading from the GGUF header: its weights (shared by
/// aliases of the same file), its KV cache (f16 keys and values for every cell of every layer) and its adapter.
/// </summary>
/// <param name="ContextSize">The KV cells the alias's scheduler gets.</param>
internal sealed record ModelFootprint(string WeightsPath, long WeightBytes, long CacheBytes, long AdapterBytes, int ContextSize)
{
    private const int BytesPerCacheValue = 2;

    /// <summary>What loading the alias adds when its weights are not in memory yet.</summary>
    public long OwnBytes => CacheBytes + AdapterBytes;

    public long TotalBytes => WeightBytes + OwnBytes;

    /// <exception cref="Engine.ModelLoadException">The file is not a readable GGUF.</exception>
    public static ModelFootprint Measure(string weightsPath, ModelDefinition definition)
    {
        GgufFile header;
        try
        {
            using var stream = File.OpenRead(weightsPath);
            header = GgufReader.Read(stream);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or GgufFormatException)
        {
            throw new Engine.ModelLoadException($"Cannot read the model file '{weightsPath}': {exception.Message}", exception);
        }

        var architecture = header.TryGetString("general.architecture", out var name) ? name : "llama";
        long Read(string key, long fallback) => header.TryGetInteger($"{architecture}.{key}", out var value) ? value : fallback;

        var trainingContext = Read("context_length", 4096);
        var contextSize = definition.ContextSize > 0
            ? definition.ContextSize
            : (int)Math.Min(4096L * definition.Parallel, Math.Max(trainingContext, 512));
        var embedding = Read("embedding_length", 0);
        var heads = Math.Max(Read("attention.head_count", 1), 1);
        var kvHeads = Read("attention.head_count_kv", heads);
        var keyLength = Read("attention.key_length", embedding / heads);
        var valueLength = Read("attention.value_length", embedding / heads);
        var cellBytes = Read("block_count", 0) * kvHeads * (keyLength + valueLength) * BytesPerCacheValue;
        var embeddingCells = definition.Embeddings ? Math.Min(trainingContext, 8192) : 0;
        var adapterBytes = definition.Adapter is { } adapter && File.Exists(adapter.Path) ? new FileInfo(adapter.Path).Length : 0;
        return new ModelFootprint(Path.GetFullPath(weightsPath), new FileInfo(weightsPath).Length, (contextSize + embeddingCells) * cellBytes, adapterBytes, contextSize);
    }
}
