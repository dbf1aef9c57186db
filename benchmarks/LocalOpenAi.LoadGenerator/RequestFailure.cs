namespace LocalOpenAi.LoadGenerator;

/// <summary>A failed request: the kind, and the HTTP status where there was one.</summary>
internal sealed record RequestFailure(FailureKind Kind, int? StatusCode = null, string? Detail = null)
{
    /// <summary>The key errors are counted under, e.g. <c>http_503</c> or <c>broken_stream</c>.</summary>
    public string Key => Kind switch
    {
        FailureKind.HttpStatus => $"http_{StatusCode}",
        FailureKind.Connection => "connection",
        FailureKind.BrokenStream => "broken_stream",
        FailureKind.StreamError => "stream_error",
        FailureKind.Timeout => "timeout",
        _ => "deadline",
    };
}
