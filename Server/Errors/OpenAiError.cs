using LocalOpenAi.Formats.OpenAi;

namespace LocalOpenAi.Server.Errors;

/// <summary>Every HTTP error leaves through here, in OpenAI's envelope and never with a stack trace.</summary>
internal static class OpenAiError
{
    public static ErrorResult BadRequest(string message, string? param = null, string? code = null) =>
        Create(StatusCodes.Status400BadRequest, message, "invalid_request_error", param, code);

    public static ErrorResult ModelNotFound(string? model) =>
        Create(StatusCodes.Status404NotFound, $"The model '{model}' does not exist.", "invalid_request_error", "model", "model_not_found");

    public static ErrorResult ContextLengthExceeded(string message, string param = "messages") =>
        Create(StatusCodes.Status400BadRequest, message, "invalid_request_error", param, "context_length_exceeded");

    public static ErrorResult Overloaded(string message, int retryAfterSeconds = 1) =>
        new ErrorResult(StatusCodes.Status503ServiceUnavailable, Envelope(message, "server_error", null, "overloaded"), retryAfterSeconds);

    public static ErrorResult Unavailable(string message) =>
        Create(StatusCodes.Status503ServiceUnavailable, message, "server_error", null, "service_unavailable");

    /// <summary>The status given to a client that left: nothing is written for it (nginx's 499).</summary>
    public const int ClientClosedRequest = 499;

    /// <summary>The refusal for a client that left while its answer was being made.</summary>
    public static ErrorResult ClientGone { get; } = Create(ClientClosedRequest, "The client closed the request.", "server_error", null, null);

    /// <summary>The code of the error that ends a generation cut short by shutdown (after <c>Inference:DrainTimeout</c>).</summary>
    public const string ShuttingDownCode = "server_shutting_down";

    public static ErrorResult ShuttingDown(string message) =>
        new(StatusCodes.Status503ServiceUnavailable, Envelope(message, "server_error", null, ShuttingDownCode), RetryAfterSeconds: 1);

    public static ErrorResult Internal(string message = "The server had an error while processing your request.") =>
        Create(StatusCodes.Status500InternalServerError, message, "server_error", null, null);

    public static ErrorResult Create(int status, string message, string type, string? param, string? code) =>
        new ErrorResult(status, Envelope(message, type, param, code), RetryAfterSeconds: null);

    public static ErrorResponse Envelope(string message, string type, string? param, string? code) =>
        new(new ErrorBody(message, type, param, code));

    /// <summary>The error type OpenAI uses for a status when nothing more specific applies.</summary>
    public static string TypeFor(int status) => status switch
    {
        401 => "authentication_error",
        403 => "permission_error",
        404 => "invalid_request_error",
        429 => "rate_limit_exceeded",
        >= 500 => "server_error",
        _ => "invalid_request_error",
    };
}
