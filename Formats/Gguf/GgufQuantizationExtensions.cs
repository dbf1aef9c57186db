namespace LocalOpenAi.Formats.Gguf;

/// <summary>Maps a <see cref="GgufQuantization"/> to ggml and llama.cpp identifiers.</summary>
public static class GgufQuantizationExtensions
{
    /// <summary>The tensor type used for weight matrices.</summary>
    public static GgmlType ToGgmlType(this GgufQuantization quantization) => quantization switch
    {
        GgufQuantization.F16 => GgmlType.F16,
        GgufQuantization.Q8_0 => GgmlType.Q8_0,
        GgufQuantization.Q4_0 => GgmlType.Q4_0,
        _ => throw new ArgumentOutOfRangeException(nameof(quantization), quantization, "unknown quantization"),
    };

    /// <summary>The <c>general.file_type</c> value (llama.cpp <c>llama_ftype</c>).</summary>
    public static uint ToFileType(this GgufQuantization quantization) => quantization switch
    {
        GgufQuantization.F16 => 1,
        GgufQuantization.Q8_0 => 7,
        GgufQuantization.Q4_0 => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(quantization), quantization, "unknown quantization"),
    };

    /// <summary>Parses "f16", "q8_0" or "q4_0" (case-insensitive); false for anything else.</summary>
    public static bool TryParse(string? text, out GgufQuantization quantization)
    {
        (var ok, quantization) = text?.ToLowerInvariant() switch
        {
            "f16" => (true, GgufQuantization.F16),
            "q8_0" => (true, GgufQuantization.Q8_0),
            "q4_0" => (true, GgufQuantization.Q4_0),
            _ => (false, default),
        };
        return ok;
    }
}
