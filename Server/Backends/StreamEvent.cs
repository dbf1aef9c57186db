using LocalOpenAi.Server.Errors;

namespace LocalOpenAi.Server.Backends;

/// <summary>One SSE <c>data:</c> payload of a streamed answer, or the error that ended the stream.</summary>
internal readonly record struct StreamEvent(ReadOnlyMemory<byte> Data, ErrorResult? Failure = null)
{
    public static StreamEvent Failed(ErrorResult error) => new(ReadOnlyMemory<byte>.Empty, error);

    public bool IsFailure => Failure is not null;
}
