using LocalOpenAi.Server.Errors;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace LocalOpenAi.Server.Security;

/// <summary>
/// Checks the API key before routing: 401 <c>authentication_error</c> for a missing or wrong key,
/// 403 <c>permission_error</c> for a client key on <c>/admin/...</c>, and, while no key is configured,
/// for <c>/admin/...</c> from any client not on loopback. Stores the caller's
/// <see cref="ClientIdentity"/> for everything after it.
/// </summary>
/// <remarks>
/// Keys come from <c>Authorization: Bearer KEY</c> or (when enabled) <c>x-api-key: KEY</c>; a key in the
/// query string is refused, so that keys do not end up in access logs and browser history.
/// </remarks>
internal sealed class ApiKeyAuthenticationMiddleware(RequestDelegate next, ApiKeyStore keys, IOptions<SecurityOptions> options, ILogger<ApiKeyAuthenticationMiddleware> logger)
{
    private const string XApiKeyHeader = "x-api-key";
    private static readonly string[] QueryKeyNames = ["api_key", "api-key", "apikey", "key"];

    public async Task InvokeAsync(HttpContext context)
    {
        var access = SecurityPaths.Classify(context.Request.Path, options.Value.MetricsRequireKey);
        if (!keys.IsEnabled && access == EndpointAccess.Admin && !IsLoopback(context.Connection.RemoteIpAddress))
        {
            Log.AdminRefused(logger, "a remote client of an open server", context.Request.Path);
            await OpenAiError.Create(StatusCodes.Status403Forbidden, "With no key configured, /admin endpoints answer only clients on this machine. Start the server with --admin-key to use them remotely.", "permission_error", null, "insufficient_permissions").ExecuteAsync(context);
            return;
        }

        if (!keys.IsEnabled || access == EndpointAccess.Public)
        {
            await next(context);
            return;
        }

        var presented = PresentedKey(context.Request);
        var identity = presented is null ? null : keys.Authenticate(presented);
        if (identity is null)
        {
            var inQuery = QueryKeyNames.Any(context.Request.Query.ContainsKey);
            Log.AuthenticationFailed(logger, context.Request.Path, presented is null ? (inQuery ? "key in query string" : "no key") : "unknown key");
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await OpenAiError.Create(StatusCodes.Status401Unauthorized, UnauthorizedMessage(presented is not null, inQuery), "authentication_error", null, "invalid_api_key").ExecuteAsync(context);
            return;
        }

        if (access == EndpointAccess.Admin && !identity.IsAdmin)
        {
            Log.AdminRefused(logger, identity.Owner, context.Request.Path);
            await OpenAiError.Create(StatusCodes.Status403Forbidden, "This endpoint requires the admin key.", "permission_error", null, "insufficient_permissions").ExecuteAsync(context);
            return;
        }

        ClientIdentity.Set(context, identity);
        using (logger.BeginScope(new KeyValuePair<string, object?>[] { new("Owner", identity.Owner) }))
        {
            await next(context);
        }
    }

    /// <summary>In-process test servers have no remote address; they are on this machine too.</summary>
    private static bool IsLoopback(System.Net.IPAddress? address) => address is null || System.Net.IPAddress.IsLoopback(address);

    private string? PresentedKey(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var token = authorization["Bearer ".Length..].Trim();
            return token.Length == 0 ? null : token;
        }

        if (options.Value.AcceptXApiKeyHeader && request.Headers[XApiKeyHeader].ToString().Trim() is { Length: > 0 } headerKey)
        {
            return headerKey;
        }

        return null;
    }

    private static string UnauthorizedMessage(bool presented, bool inQuery) => (presented, inQuery) switch
    {
        (true, _) => "Incorrect API key provided.",
        (false, true) => $"API keys are not accepted in the query string. Send the key in the {HeaderNames.Authorization} header (Authorization: Bearer YOUR_KEY).",
        _ => "You didn't provide an API key. Send it in the Authorization header (Authorization: Bearer YOUR_KEY).",
    };
}
