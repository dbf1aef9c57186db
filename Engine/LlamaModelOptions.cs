namespace LocalOpenAi.Engine;

/// <summary>How a GGUF file is loaded.</summary>
/// <param name="GpuLayers">Layers offloaded to a GPU backend; -1 offloads all (ignored on CPU builds).</param>
/// <param name="UseMemoryMap">Map the file instead of reading it (shares pages between processes).</param>
public sealed record LlamaModelOptions(int GpuLayers = -1, bool UseMemoryMap = true);
