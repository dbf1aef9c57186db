namespace LocalOpenAi.Server.Requests;

/// <summary>Gives every request an id, echoed in <c>X-Request-Id</c> and used in completion ids.</summary>
internal sealed class RequestIdMiddleware(RequestDelegate next)
{
    public const string HeaderName = "X-Request-Id";
    private const string ItemKey = "LocalOpenAi.RequestId";

    public Task InvokeAsync(HttpContext context)
    {
        var id = Guid.NewGuid().ToString("N")[..24];
        context.Items[ItemKey] = id;
        context.Response.Headers[HeaderName] = id;
        return next(context);
    }

    public static string Get(HttpContext context) => context.Items[ItemKey] as string ?? "unknown";
}
