namespace LocalOpenAi.Formats.Gguf;

/// <summary>How the weight matrices of a generated model are stored.</summary>
public enum GgufQuantization
{
    /// <summary>16-bit floats (llama.cpp file type MOSTLY_F16).</summary>
    F16,

    /// <summary>8-bit blocks of 32 (llama.cpp file type MOSTLY_Q8_0).</summary>
    Q8_0,

    /// <summary>4-bit blocks of 32 (llama.cpp file type MOSTLY_Q4_0).</summary>
    Q4_0,
}
