namespace LocalOpenAi.Formats.Gguf.Synthetic;

/// <summary>Size presets for generated Llama models.</summary>
public enum SyntheticModelPreset
{
    /// <summary>About 1.5 MB at Q8_0: 128 wide, 2 layers, 4096-token vocabulary. Loads in milliseconds.</summary>
    Tiny,

    /// <summary>About 45 MB at Q8_0: 512 wide, 8 layers, 16384-token vocabulary.</summary>
    Small,

    /// <summary>The exact Llama 3.2 1B shape (16 layers, 2048 wide, 128256-token vocabulary, tied embeddings).</summary>
    Llama1B,
}
