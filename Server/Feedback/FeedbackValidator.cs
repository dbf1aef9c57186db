namespace LocalOpenAi.Server.Feedback;

/// <summary>Checks a <see cref="FeedbackRequest"/>; a problem is described as a message and the field it concerns.</summary>
internal static class FeedbackValidator
{
    public const int MaxIdLength = 256;
    public const int MaxCommentLength = 10_000;

    /// <summary>Null when valid; otherwise the first problem.</summary>
    public static (string Message, string Param)? Validate(FeedbackRequest request) => request switch
    {
        { RequestId: null } => ("'request_id' is required: the X-Request-Id of the response being rated.", "request_id"),
        { RequestId: var id } when string.IsNullOrWhiteSpace(id) || id.Length > MaxIdLength =>
            ($"'request_id' must be a non-empty string of at most {MaxIdLength} characters.", "request_id"),
        { Rating: null } => ("'rating' is required: an integer from 1 to 5.", "rating"),
        { Rating: < 1 or > 5 } => ("'rating' must be an integer from 1 to 5.", "rating"),
        { Comment.Length: > MaxCommentLength } => ($"'comment' must be at most {MaxCommentLength} characters.", "comment"),
        { UserId: { } user } when string.IsNullOrWhiteSpace(user) || user.Length > MaxIdLength =>
            ($"'user_id' must be a non-empty string of at most {MaxIdLength} characters.", "user_id"),
        _ => null,
    };
}
