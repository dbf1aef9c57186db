namespace LocalOpenAi.Formats.Gguf;

/// <summary>The element type of a tensor (ggml's <c>ggml_type</c>), as stored in GGUF tensor infos.</summary>
public enum GgmlType : uint
{
    /// <summary>32-bit float.</summary>
    F32 = 0,

    /// <summary>16-bit IEEE half float.</summary>
    F16 = 1,

    /// <summary>Blocks of 32: fp16 scale and 16 bytes of 4-bit values.</summary>
    Q4_0 = 2,

    /// <summary>Blocks of 32 with scale and minimum.</summary>
    Q4_1 = 3,

    /// <summary>5-bit blocks of 32.</summary>
    Q5_0 = 6,

    /// <summary>5-bit blocks of 32 with minimum.</summary>
    Q5_1 = 7,

    /// <summary>Blocks of 32: fp16 scale and 32 signed bytes.</summary>
    Q8_0 = 8,

    /// <summary>8-bit blocks of 32 with sum.</summary>
    Q8_1 = 9,

    /// <summary>K-quant, 2 bits.</summary>
    Q2_K = 10,

    /// <summary>K-quant, 3 bits.</summary>
    Q3_K = 11,

    /// <summary>K-quant, 4 bits.</summary>
    Q4_K = 12,

    /// <summary>K-quant, 5 bits.</summary>
    Q5_K = 13,

    /// <summary>K-quant, 6 bits.</summary>
    Q6_K = 14,

    /// <summary>K-quant, 8 bits.</summary>
    Q8_K = 15,

    /// <summary>I-quant.</summary>
    IQ2_XXS = 16,

    /// <summary>I-quant.</summary>
    IQ2_XS = 17,

    /// <summary>I-quant.</summary>
    IQ3_XXS = 18,

    /// <summary>I-quant.</summary>
    IQ1_S = 19,

    /// <summary>I-quant.</summary>
    IQ4_NL = 20,

    /// <summary>I-quant.</summary>
    IQ3_S = 21,

    /// <summary>I-quant.</summary>
    IQ2_S = 22,

    /// <summary>I-quant.</summary>
    IQ4_XS = 23,

    /// <summary>8-bit integer.</summary>
    I8 = 24,

    /// <summary>16-bit integer.</summary>
    I16 = 25,

    /// <summary>32-bit integer.</summary>
    I32 = 26,

    /// <summary>64-bit integer.</summary>
    I64 = 27,

    /// <summary>64-bit float.</summary>
    F64 = 28,

    /// <summary>I-quant.</summary>
    IQ1_M = 29,

    /// <summary>bfloat16.</summary>
    BF16 = 30,

    /// <summary>Ternary quant.</summary>
    TQ1_0 = 34,

    /// <summary>Ternary quant.</summary>
    TQ2_0 = 35,

    /// <summary>Microscaling FP4.</summary>
    MXFP4 = 39,

    /// <summary>NVIDIA FP4.</summary>
    NVFP4 = 40,

    /// <summary>1-bit quant.</summary>
    Q1_0 = 41,

    /// <summary>2-bit quant.</summary>
    Q2_0 = 42,
}
