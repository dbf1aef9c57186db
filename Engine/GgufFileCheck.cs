using LocalOpenAi.Formats.Gguf;

namespace LocalOpenAi.Engine;

/// <summary>Reads a GGUF header in managed code, so a bad file fails here with a clear message and not inside llama.cpp.</summary>
internal static class GgufFileCheck
{
    /// <param name="kind">What the file should be ("model", "adapter"), for the messages.</param>
    /// <exception cref="ModelLoadException">The file is missing, not a GGUF, or truncated.</exception>
    public static GgufFile Read(string path, string kind)
    {
        if (!File.Exists(path))
        {
            throw new ModelLoadException($"The {kind} file '{path}' does not exist.");
        }

        using var stream = File.OpenRead(path);
        GgufFile header;
        try
        {
            header = GgufReader.Read(stream);
        }
        catch (GgufFormatException exception)
        {
            throw new ModelLoadException($"'{path}' is not a GGUF {kind} file, or it is damaged: {exception.Message}", exception);
        }

        var dataEnd = header.Tensors
            .Select(tensor => tensor.Offset + (tensor.ByteSize ?? 0))
            .DefaultIfEmpty(0UL)
            .Max();
        if ((ulong)stream.Length < header.DataOffset + dataEnd)
        {
            throw new ModelLoadException(
                $"'{path}' is truncated: its tensors need {header.DataOffset + dataEnd} bytes but the file has {stream.Length} (an interrupted download or copy?).");
        }

        return header;
    }
}
