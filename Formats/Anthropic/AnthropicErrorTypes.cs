namespace LocalOpenAi.Formats.Anthropic;

/// <summary>Anthropic's error types and how they map to HTTP statuses and to OpenAI error types.</summary>
public static class AnthropicErrorTypes
{
    public const string InvalidRequest = "invalid_request_error";
    public const string Authentication = "authentication_error";
    public const string Billing = "billing_error";
    public const string Permission = "permission_error";
    public const string NotFound = "not_found_error";
    public const string RequestTooLarge = "request_too_large";
    public const string RateLimit = "rate_limit_error";
    public const string Api = "api_error";
    public const string Timeout = "timeout_error";
    public const string Overloaded = "overloaded_error";

    /// <summary>The type Anthropic answers an HTTP status with.</summary>
    public static string FromStatus(int status) => status switch
    {
        400 => InvalidRequest,
        401 => Authentication,
        402 => Billing,
        403 => Permission,
        404 => NotFound,
        413 => RequestTooLarge,
        429 => RateLimit,
        503 or 529 => Overloaded,
        504 => Timeout,
        >= 400 and < 500 => InvalidRequest,
        _ => Api,
    };

    /// <summary>The HTTP status of an Anthropic error type; 529 for <c>overloaded_error</c>, as Anthropic sends it.</summary>
    public static int StatusOf(string type) => type switch
    {
        InvalidRequest => 400,
        Authentication => 401,
        Billing => 402,
        Permission => 403,
        NotFound => 404,
        RequestTooLarge => 413,
        RateLimit => 429,
        Timeout => 504,
        Overloaded => 529,
        _ => 500,
    };

    /// <summary>The Anthropic type for an OpenAI error (its <c>type</c> or <c>code</c>), falling back to the HTTP status.</summary>
    public static string FromOpenAi(string? openAiType, int status) => openAiType switch
    {
        "invalid_request_error" when status is 400 or 422 => InvalidRequest,
        "authentication_error" or "invalid_api_key" => Authentication,
        "permission_error" => Permission,
        "not_found_error" or "model_not_found" => NotFound,
        "rate_limit_exceeded" or "rate_limit_error" => RateLimit,
        "timeout" or "timeout_error" => Timeout,
        "overloaded_error" or "service_unavailable" => Overloaded,
        _ => FromStatus(status),
    };

    /// <summary>The OpenAI error type the server reports for an Anthropic upstream's error.</summary>
    public static string ToOpenAi(string anthropicType) => anthropicType switch
    {
        InvalidRequest or RequestTooLarge => "invalid_request_error",
        Authentication => "authentication_error",
        Permission or Billing => "permission_error",
        NotFound => "not_found_error",
        RateLimit => "rate_limit_exceeded",
        Timeout => "timeout",
        Overloaded => "service_unavailable",
        _ => "server_error",
    };
}
