using LocalOpenAi.Server.Errors;

namespace LocalOpenAi.Server.Backends;

/// <summary>
/// How one API spells an answer that the backends produce in OpenAI's chat (or legacy completions)
/// shape: the JSON body, and the whole SSE frames of a stream. One instance serves one response.
/// </summary>
internal interface IWireDialect
{
    /// <summary>The body for a whole JSON answer; a dialect may keep what it answered (a stored Response) before it is sent.</summary>
    ValueTask<byte[]> JsonAsync(byte[] completion);

    /// <summary>Frames sent before the first payload's (after the status and headers).</summary>
    IEnumerable<ReadOnlyMemory<byte>> Start();

    /// <summary>The frames for one backend payload (a <c>chat.completion.chunk</c> or <c>text_completion</c> JSON).</summary>
    IEnumerable<ReadOnlyMemory<byte>> Events(ReadOnlyMemory<byte> payload);

    /// <summary>The frames that end a whole stream; a dialect may keep what it answered before they are sent.</summary>
    ValueTask<IEnumerable<ReadOnlyMemory<byte>>> EndAsync();

    /// <summary>The frames that end a stream that failed after it started; none for a client that left.</summary>
    IEnumerable<ReadOnlyMemory<byte>> Failure(ErrorResult error);
}
