namespace LocalOpenAi.Engine.Native;

/// <summary>What a <see cref="NativeContext"/> is created with.</summary>
internal sealed record NativeContextSettings(
    int ContextSize,
    int Sequences,
    int BatchSize,
    int MicroBatchSize,
    int Threads,
    int BatchThreads,
    bool Embeddings,
    bool MeanPooling = false);
