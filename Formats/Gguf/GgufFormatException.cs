namespace LocalOpenAi.Formats.Gguf;

/// <summary>
/// Thrown when a stream is not a well-formed GGUF file: wrong magic, unsupported version,
/// truncated data, absurd lengths or inconsistent tensor information.
/// </summary>
public sealed class GgufFormatException : Exception
{
    /// <summary>Creates the exception with a message that names what is wrong and where.</summary>
    public GgufFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    public GgufFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public GgufFormatException()
        : base("invalid GGUF file")
    {
    }
}
