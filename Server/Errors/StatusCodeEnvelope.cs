namespace LocalOpenAi.Server.Errors;

/// <summary>Gives bodiless framework answers (unknown route 404, wrong method 405) the OpenAI envelope.</summary>
internal static class StatusCodeEnvelope
{
    public static IApplicationBuilder UseOpenAiStatusCodeEnvelope(this IApplicationBuilder app) =>
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            var status = http.Response.StatusCode;
            var message = status switch
            {
                404 => $"Unknown endpoint: {http.Request.Method} {http.Request.Path}.",
                405 => $"Method {http.Request.Method} is not allowed on {http.Request.Path}.",
                415 => "The request body must be JSON (Content-Type: application/json).",
                _ => $"The request failed with status {status}.",
            };
            await OpenAiError.Create(status, message, OpenAiError.TypeFor(status), null, null).ExecuteAsync(http);
        });
}
