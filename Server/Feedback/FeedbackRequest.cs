namespace LocalOpenAi.Server.Feedback;

/// <summary>The body of <c>POST /feedback</c>: <c>{request_id, rating 1-5, comment?, user_id?}</c>.</summary>
internal sealed record FeedbackRequest(string? RequestId, int? Rating, string? Comment, string? UserId);

/// <summary>The 202 answer: the feedback is on disk; <c>exchange_found</c> says whether the rated exchange was attached.</summary>
internal sealed record FeedbackAccepted(string RequestId, bool ExchangeFound);
