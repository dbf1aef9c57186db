using System.Buffers.Binary;

namespace LocalOpenAi.Server.Models;

/// <summary>Checks a <c>--model</c> path before the host starts, so that a typo stops start-up instead of leaving a server that answers 503.</summary>
internal static class ModelFileCheck
{
    private const uint GgufMagic = 0x46554747; // "GGUF" read as a little-endian uint32

    /// <summary>What is wrong with a local model file, or null when it is a GGUF file (or not a local path).</summary>
    public static string? Problem(string reference)
    {
        if (reference.StartsWith(ModelReference.SyntheticPrefix, StringComparison.Ordinal) || Models.Pull.HuggingFaceReference.HasPrefix(reference))
        {
            return null;
        }

        var path = Path.GetFullPath(reference);
        if (!File.Exists(path))
        {
            return Directory.Exists(path) ? $"--model {reference}: {path} is a folder, not a GGUF file" : $"--model {reference}: no such file ({path})";
        }

        Span<byte> header = stackalloc byte[4];
        try
        {
            using var stream = File.OpenRead(path);
            if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length || BinaryPrimitives.ReadUInt32LittleEndian(header) != GgufMagic)
            {
                return $"--model {reference}: {path} is not a GGUF file";
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return $"--model {reference}: cannot read {path} ({exception.Message})";
        }

        return null;
    }
}
