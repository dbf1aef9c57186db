using System.Runtime.InteropServices;
using System.Text;
using LocalOpenAi.Engine.Text;

namespace LocalOpenAi.Engine.Native;

/// <summary>A loaded <c>llama_model</c> with its vocabulary, behind safe methods.</summary>
internal sealed unsafe class NativeModel : IDisposable
{
    private readonly SafeLlamaModelHandle _handle;
    private readonly nint _vocab;
    private readonly Lazy<Utf8TokenTable> _utf8Tokens;
    private readonly Lazy<FirstByteTokens> _firstByteTokens;

    private NativeModel(SafeLlamaModelHandle handle)
    {
        _handle = handle;
        _vocab = LlamaNative.ModelGetVocab(handle);
        VocabularySize = LlamaNative.VocabTokenCount(_vocab);
        TrainingContextSize = LlamaNative.ModelTrainingContextSize(handle);
        EmbeddingSize = LlamaNative.ModelEmbeddingSize(handle);
        LayerCount = LlamaNative.ModelLayerCount(handle);
        SizeInBytes = (long)LlamaNative.ModelSize(handle);
        ParameterCount = (long)LlamaNative.ModelParameterCount(handle);
        BeginOfSequenceToken = LlamaNative.VocabBos(_vocab);
        _utf8Tokens = new(ReadUtf8Tokens);
        _firstByteTokens = new(() => new FirstByteTokens(Utf8Tokens, IsEndOfGeneration));
    }

    internal SafeLlamaModelHandle Handle => _handle;

    internal nint Vocabulary => _vocab;

    public int VocabularySize { get; }

    /// <summary>Every token's text bytes, read once on first use (by the first request with a grammar).</summary>
    public Utf8TokenTable Utf8Tokens => _utf8Tokens.Value;

    /// <summary>The vocabulary grouped by first byte, built on first use like <see cref="Utf8Tokens"/>.</summary>
    public FirstByteTokens FirstByteTokens => _firstByteTokens.Value;

    public int TrainingContextSize { get; }

    public int EmbeddingSize { get; }

    public int LayerCount { get; }

    public long SizeInBytes { get; }

    public long ParameterCount { get; }

    public int BeginOfSequenceToken { get; }

    /// <summary>Loads a model; null when llama.cpp refuses the file (it logs why).</summary>
    public static NativeModel? Load(string path, int gpuLayers, bool useMemoryMap)
    {
        var parameters = LlamaNative.ModelDefaultParams();
        parameters.GpuLayerCount = gpuLayers;
        parameters.LoadMode = useMemoryMap ? 1 : 0;
        var handle = LlamaNative.ModelLoadFromFile(path, parameters);
        if (handle.IsInvalid)
        {
            handle.Dispose();
            return null;
        }

        return new NativeModel(handle);
    }

    public string Description
    {
        get
        {
            var buffer = stackalloc byte[256];
            var length = LlamaNative.ModelDescription(_handle, buffer, 256);
            return length <= 0 ? string.Empty : Encoding.UTF8.GetString(buffer, Math.Min(length, 255));
        }
    }

    /// <summary>The GGUF metadata value of <paramref name="key"/> rendered as a string, or null.</summary>
    public string? GetMetadata(string key)
    {
        var length = LlamaNative.ModelMetadataValue(_handle, key, null, 0);
        if (length < 0)
        {
            return null;
        }

        var buffer = new byte[length + 1];
        fixed (byte* pointer = buffer)
        {
            LlamaNative.ModelMetadataValue(_handle, key, pointer, (nuint)buffer.Length);
        }

        return Encoding.UTF8.GetString(buffer, 0, length);
    }

    /// <summary>The model's default chat template (<c>tokenizer.chat_template</c>), or null.</summary>
    public string? ChatTemplate => Marshal.PtrToStringUTF8(LlamaNative.ModelChatTemplate(_handle, 0));

    /// <summary>Renders messages with llama.cpp's built-in (non-Jinja) template matching <paramref name="template"/>; null when it knows none.</summary>
    public static string? ApplyChatTemplate(string template, IReadOnlyList<(string Role, string Content)> messages, bool addAssistant)
    {
        var handles = new List<GCHandle>();
        try
        {
            var templateBytes = Pin(template, handles);
            var native = new LlamaChatMessage[messages.Count];
            var total = 0;
            for (var i = 0; i < messages.Count; i++)
            {
                native[i] = new LlamaChatMessage { Role = Pin(messages[i].Role, handles), Content = Pin(messages[i].Content, handles) };
                total += messages[i].Role.Length + messages[i].Content.Length;
            }

            var buffer = new byte[Math.Max(256, total * 4 + 1024)];
            fixed (LlamaChatMessage* messagePointer = native)
            {
                while (true)
                {
                    int length;
                    fixed (byte* bufferPointer = buffer)
                    {
                        length = LlamaNative.ChatApplyTemplate(templateBytes, messagePointer, (nuint)native.Length, addAssistant, bufferPointer, buffer.Length);
                    }

                    if (length < 0)
                    {
                        return null;
                    }

                    if (length <= buffer.Length)
                    {
                        return Encoding.UTF8.GetString(buffer, 0, length);
                    }

                    buffer = new byte[length];
                }
            }
        }
        finally
        {
            handles.ForEach(handle => handle.Free());
        }
    }

    public bool IsEndOfGeneration(int token) => LlamaNative.VocabIsEndOfGeneration(_vocab, token);

    public int[] Tokenize(string text, bool addSpecial, bool parseSpecial)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var capacity = bytes.Length + 2;
        while (true)
        {
            var tokens = new int[capacity];
            int count;
            fixed (byte* textPointer = bytes)
            fixed (int* tokenPointer = tokens)
            {
                count = LlamaNative.Tokenize(_vocab, textPointer, bytes.Length, tokenPointer, capacity, addSpecial, parseSpecial);
            }

            if (count == int.MinValue)
            {
                throw new ArgumentException("The text is too long to tokenize.", nameof(text));
            }

            if (count >= 0)
            {
                return count == capacity ? tokens : tokens[..count];
            }

            capacity = -count;
        }
    }

    private Utf8TokenTable ReadUtf8Tokens()
    {
        var piece = new List<byte>(16);
        return new([.. Enumerable.Range(0, VocabularySize).Select(token =>
        {
            piece.Clear();
            AppendPiece(token, renderSpecial: false, piece);
            return piece.ToArray();
        })]);
    }

    /// <summary>Appends the UTF-8 bytes of one token to <paramref name="output"/>.</summary>
    /// <param name="renderSpecial">Whether control tokens render as their text (e.g. <c>&lt;|eot_id|&gt;</c>).</param>
    public void AppendPiece(int token, bool renderSpecial, List<byte> output)
    {
        Span<byte> small = stackalloc byte[64];
        int length;
        fixed (byte* pointer = small)
        {
            length = LlamaNative.TokenToPiece(_vocab, token, pointer, small.Length, 0, renderSpecial);
        }

        if (length >= 0)
        {
            output.AddRange(small[..length]);
            return;
        }

        var large = new byte[-length];
        fixed (byte* pointer = large)
        {
            length = LlamaNative.TokenToPiece(_vocab, token, pointer, large.Length, 0, renderSpecial);
        }

        output.AddRange(large.AsSpan(0, Math.Max(length, 0)));
    }

    public void Dispose() => _handle.Dispose();

    private static byte* Pin(string text, List<GCHandle> handles)
    {
        var bytes = Encoding.UTF8.GetBytes(text + "\0");
        var handle = GCHandle.Alloc(bytes, GCHandleType.Pinned);
        handles.Add(handle);
        return (byte*)handle.AddrOfPinnedObject();
    }
}
