using LocalOpenAi.Formats.Anthropic;

namespace LocalOpenAi.Tests.Formats.Anthropic;

public sealed class AnthropicErrorTests
{
    [Theory]
    [InlineData(400, "invalid_request_error")]
    [InlineData(401, "authentication_error")]
    [InlineData(403, "permission_error")]
    [InlineData(404, "not_found_error")]
    [InlineData(413, "request_too_large")]
    [InlineData(422, "invalid_request_error")]
    [InlineData(429, "rate_limit_error")]
    [InlineData(500, "api_error")]
    [InlineData(502, "api_error")]
    [InlineData(503, "overloaded_error")]
    [InlineData(504, "timeout_error")]
    [InlineData(529, "overloaded_error")]
    public void An_http_status_maps_to_anthropics_error_type(int status, string type) =>
        Assert.Equal(type, AnthropicErrorTypes.FromStatus(status));

    [Theory]
    [InlineData("invalid_request_error", 400)]
    [InlineData("authentication_error", 401)]
    [InlineData("permission_error", 403)]
    [InlineData("not_found_error", 404)]
    [InlineData("request_too_large", 413)]
    [InlineData("rate_limit_error", 429)]
    [InlineData("api_error", 500)]
    [InlineData("timeout_error", 504)]
    [InlineData("overloaded_error", 529)]
    public void An_error_type_has_anthropics_status(string type, int status) =>
        Assert.Equal(status, new AnthropicError(type, "m").Status);

    [Theory]
    [InlineData("invalid_request_error", 400, "invalid_request_error")]
    [InlineData("invalid_request_error", 413, "request_too_large")]
    [InlineData("authentication_error", 401, "authentication_error")]
    [InlineData("model_not_found", 404, "not_found_error")]
    [InlineData("rate_limit_exceeded", 429, "rate_limit_error")]
    [InlineData("server_error", 500, "api_error")]
    [InlineData(null, 503, "overloaded_error")]
    [InlineData("upstream_timeout", 504, "timeout_error")]
    public void An_openai_error_maps_to_anthropics_type(string? openAiType, int status, string type) =>
        Assert.Equal(type, AnthropicErrorTypes.FromOpenAi(openAiType, status));

    [Fact]
    public void An_upstream_error_body_is_read_back()
    {
        var error = AnthropicError.FromEnvelope(WireJson.Object("""{"type":"error","error":{"type":"rate_limit_error","message":"Slow down"},"request_id":"req_1"}"""));

        Assert.Equal(new AnthropicError("rate_limit_error", "Slow down"), error);
        Assert.Equal("rate_limit_exceeded", AnthropicErrorTypes.ToOpenAi(error!.Type));
        Assert.Null(AnthropicError.FromEnvelope(WireJson.Object("""{"error":{"message":"OpenAI shaped","type":null}}""")));
    }
}
