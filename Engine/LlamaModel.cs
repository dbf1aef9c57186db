using System.Text;
using LocalOpenAi.Formats.Gguf;
using LocalOpenAi.Engine.Native;

namespace LocalOpenAi.Engine;

/// <summary>A GGUF model loaded into llama.cpp: weights, vocabulary and metadata.</summary>
/// <remarks>Thread-safe for tokenization and metadata; contexts are created by the scheduler.</remarks>
public sealed class LlamaModel : IDisposable
{
    private LlamaModel(string path, NativeModel native, IReadOnlyList<GgufTensorInfo> tensors)
    {
        Path = path;
        Native = native;
        Tensors = tensors;
    }

    public string Path { get; }

    internal NativeModel Native { get; }

    /// <summary>The weights as the GGUF header describes them (names and shapes), for checking adapters.</summary>
    internal IReadOnlyList<GgufTensorInfo> Tensors { get; }

    public int VocabularySize => Native.VocabularySize;

    public int TrainingContextSize => Native.TrainingContextSize;

    public int EmbeddingSize => Native.EmbeddingSize;

    public long SizeInBytes => Native.SizeInBytes;

    public long ParameterCount => Native.ParameterCount;

    public string Description => Native.Description;

    /// <summary>The Jinja chat template stored in the GGUF, if any.</summary>
    public string? ChatTemplate => Native.ChatTemplate;

    public string? Architecture => Native.GetMetadata("general.architecture");

    /// <summary>Loads a GGUF file, checking it in managed code first so bad files fail with a clear message.</summary>
    /// <exception cref="ModelLoadException">The file is missing, not a GGUF, truncated, or refused by llama.cpp.</exception>
    public static LlamaModel Load(string path, LlamaModelOptions? options = null)
    {
        options ??= new LlamaModelOptions();
        var header = GgufFileCheck.Read(path, "model");
        LlamaBackend.Start();
        var native = NativeModel.Load(path, options.GpuLayers, options.UseMemoryMap)
            ?? throw new ModelLoadException($"llama.cpp could not load '{path}': the file is damaged, truncated or of an unsupported architecture (see the log for details).");
        return new LlamaModel(path, native, header.Tensors);
    }

    /// <summary>Tokenizes text. <paramref name="parseSpecial"/> turns <c>&lt;|eot_id|&gt;</c> and the like into their tokens.</summary>
    public int[] Tokenize(string text, bool addBeginOfSequence = true, bool parseSpecial = true) =>
        Native.Tokenize(text, addBeginOfSequence, parseSpecial);

    /// <summary>Turns tokens back into text; multi-byte characters split across tokens are joined.</summary>
    public string Detokenize(IEnumerable<int> tokens, bool renderSpecial = true)
    {
        var bytes = new List<byte>();
        foreach (var token in tokens)
        {
            Native.AppendPiece(token, renderSpecial, bytes);
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    public bool IsEndOfGeneration(int token) => Native.IsEndOfGeneration(token);

    public int BeginOfSequenceToken => Native.BeginOfSequenceToken;

    public bool IsBeginOfSequence(int token) => token == Native.BeginOfSequenceToken;

    public void Dispose() => Native.Dispose();
}
