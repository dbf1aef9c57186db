namespace LocalOpenAi.LoadGenerator;

/// <summary>Why a request of a load run did not complete.</summary>
internal enum FailureKind
{
    /// <summary>The server answered with a non-2xx status.</summary>
    HttpStatus,

    /// <summary>No response: refused or reset before the headers.</summary>
    Connection,

    /// <summary>The stream ended, broke or carried garbage before <c>data: [DONE]</c>.</summary>
    BrokenStream,

    /// <summary>The server sent an <c>error</c> event inside the stream.</summary>
    StreamError,

    /// <summary>The request ran past <c>--timeout</c>.</summary>
    Timeout,

    /// <summary>The concurrency level ran past <c>--deadline</c> (or the run was interrupted).</summary>
    Deadline,
}
