using LocalOpenAi.Engine.Native;
using LocalOpenAi.Formats.Gguf;

namespace LocalOpenAi.Engine;

/// <summary>
/// A LoRA adapter GGUF loaded onto a <see cref="LlamaModel"/>: low-rank weight changes that an
/// <see cref="Scheduling.InferenceScheduler"/> applies at the scale it is given.
/// </summary>
/// <remarks>
/// Dispose in any order: the adapter keeps its model's native memory until the adapter is freed,
/// and a scheduler using the adapter keeps it loaded until the scheduler is disposed.
/// </remarks>
public sealed class LoraAdapter : IDisposable
{
    private const string LoraSuffixA = ".lora_a";
    private const string LoraSuffixB = ".lora_b";

    private LoraAdapter(LlamaModel model, string path, SafeLlamaAdapterHandle handle, long sizeInBytes)
    {
        Model = model;
        Path = path;
        Handle = handle;
        SizeInBytes = sizeInBytes;
    }

    public string Path { get; }

    /// <summary>Bytes of the adapter's weights, as llama.cpp allocates them.</summary>
    public long SizeInBytes { get; }

    /// <summary>The model the adapter was loaded onto; only its schedulers can use it.</summary>
    public LlamaModel Model { get; }

    internal SafeLlamaAdapterHandle Handle { get; }

    /// <summary>Loads a LoRA adapter GGUF onto <paramref name="model"/>, checking in managed code first that it is one and fits the model.</summary>
    /// <exception cref="ModelLoadException">
    /// The file is missing, not a GGUF, truncated, not a LoRA adapter, made for another architecture or
    /// base model, or refused by llama.cpp.
    /// </exception>
    public static LoraAdapter Load(LlamaModel model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(path);
        var header = GgufFileCheck.Read(path, "adapter");
        CheckIsLora(header, path);
        CheckFits(header, path, model);
        var handle = SafeLlamaAdapterHandle.Load(model.Native.Handle, path);
        if (handle.IsInvalid)
        {
            handle.Dispose();
            throw new ModelLoadException($"llama.cpp could not load the adapter '{path}' onto '{model.Path}' (see the log for details).");
        }

        return new LoraAdapter(model, path, handle, header.Tensors.Sum(tensor => (long)(tensor.ByteSize ?? 0)));
    }

    public void Dispose() => Handle.Dispose();

    private static void CheckIsLora(GgufFile header, string path)
    {
        var type = header.TryGetString(GgufKeys.Type, out var value) ? value : null;
        if (type != "adapter")
        {
            throw new ModelLoadException($"'{path}' is not an adapter: its {GgufKeys.Type} is {Quote(type)}, expected 'adapter' (is it a model?).");
        }

        var adapterType = header.TryGetString(GgufKeys.AdapterType, out value) ? value : null;
        if (adapterType != "lora")
        {
            throw new ModelLoadException($"'{path}' is not a LoRA adapter: its {GgufKeys.AdapterType} is {Quote(adapterType)}, expected 'lora'.");
        }
    }

    /// <summary>The checks llama.cpp makes (same architecture, each adapted weight present with matching sides), with clearer messages.</summary>
    private static void CheckFits(GgufFile header, string path, LlamaModel model)
    {
        if (header.Architecture != model.Architecture)
        {
            throw new ModelLoadException(
                $"'{path}' is an adapter for {Quote(header.Architecture)} models, but '{model.Path}' is a {Quote(model.Architecture)} model.");
        }

        var weights = model.Tensors.ToDictionary(tensor => tensor.Name, StringComparer.Ordinal);
        foreach (var tensor in header.Tensors)
        {
            var isA = tensor.Name.EndsWith(LoraSuffixA, StringComparison.Ordinal);
            if (!isA && !tensor.Name.EndsWith(LoraSuffixB, StringComparison.Ordinal))
            {
                continue;
            }

            var weightName = tensor.Name[..^LoraSuffixA.Length];
            if (!weights.TryGetValue(weightName, out var weight))
            {
                throw new ModelLoadException($"'{path}' was made for another base model: '{model.Path}' has no weight '{weightName}'.");
            }

            // token_embd's pair is stored the other way round; llama.cpp checks it.
            if (weightName == "token_embd.weight" || weight.Dimensions.Count != 2 || tensor.Dimensions.Count != 2)
            {
                continue;
            }

            var side = isA ? 0 : 1;
            if (tensor.Dimensions[side] != weight.Dimensions[side])
            {
                throw new ModelLoadException(
                    $"'{path}' was made for another base model: its {tensor.Name} is {Shape(tensor)} but '{model.Path}' has {weightName} {Shape(weight)}.");
            }
        }
    }

    private static string Quote(string? value) => value is null ? "missing" : $"'{value}'";

    private static string Shape(GgufTensorInfo tensor) => $"[{string.Join(", ", tensor.Dimensions)}]";
}
