namespace LocalOpenAi.Formats.Gguf;

/// <summary>Well-known GGUF metadata keys.</summary>
public static class GgufKeys
{
    /// <summary>Model architecture, e.g. <c>llama</c>.</summary>
    public const string Architecture = "general.architecture";

    /// <summary>Human-readable model name.</summary>
    public const string Name = "general.name";

    /// <summary>What the file holds: <c>model</c> (often absent) or <c>adapter</c>.</summary>
    public const string Type = "general.type";

    /// <summary>An adapter's kind, e.g. <c>lora</c>.</summary>
    public const string AdapterType = "adapter.type";

    /// <summary>A LoRA adapter's alpha (FLOAT32): llama.cpp scales its product by alpha / rank.</summary>
    public const string LoraAlpha = "adapter.lora.alpha";

    /// <summary>The llama.cpp file type (<c>llama_ftype</c>): 1 = F16, 2 = Q4_0, 7 = Q8_0.</summary>
    public const string FileType = "general.file_type";

    /// <summary>Data alignment in bytes (UINT32, power of two, default 32).</summary>
    public const string Alignment = "general.alignment";

    /// <summary>Jinja chat template.</summary>
    public const string ChatTemplate = "tokenizer.chat_template";

    /// <summary>Tokenizer model, e.g. <c>gpt2</c> for byte-level BPE.</summary>
    public const string TokenizerModel = "tokenizer.ggml.model";

    /// <summary>Pre-tokenizer name, e.g. <c>llama-bpe</c>.</summary>
    public const string TokenizerPre = "tokenizer.ggml.pre";

    /// <summary>Token strings, indexed by id.</summary>
    public const string Tokens = "tokenizer.ggml.tokens";

    /// <summary>Token types (1 normal, 3 control, ...), indexed by id.</summary>
    public const string TokenTypes = "tokenizer.ggml.token_type";

    /// <summary>BPE merges as "left right" strings, by rank.</summary>
    public const string Merges = "tokenizer.ggml.merges";

    /// <summary>Beginning-of-sequence token id.</summary>
    public const string BosTokenId = "tokenizer.ggml.bos_token_id";

    /// <summary>End-of-sequence token id.</summary>
    public const string EosTokenId = "tokenizer.ggml.eos_token_id";

    /// <summary>Whether a BOS token is prepended when tokenizing.</summary>
    public const string AddBosToken = "tokenizer.ggml.add_bos_token";

    /// <summary>Default alignment when <see cref="Alignment"/> is absent.</summary>
    public const uint DefaultAlignment = 32;

    /// <summary>Context length key for an architecture: <c>{arch}.context_length</c>.</summary>
    public static string ContextLength(string architecture) => $"{architecture}.context_length";
}
