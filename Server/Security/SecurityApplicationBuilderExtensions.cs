using Microsoft.Extensions.Options;

namespace LocalOpenAi.Server.Security;

/// <summary>Adds CORS, API-key authentication and rate limiting to the pipeline.</summary>
internal static class SecurityApplicationBuilderExtensions
{
    /// <summary>
    /// In this order: CORS (only when <c>Cors:AllowedOrigins</c> is set, so preflights need no key),
    /// <see cref="ApiKeyAuthenticationMiddleware"/>, <see cref="RateLimitMiddleware"/>. Place it after
    /// the request-id, metrics and error middleware and before the endpoints. Logs once whether the
    /// server is open or which owners have keys.
    /// </summary>
    public static IApplicationBuilder UseLocalOpenAiSecurity(this IApplicationBuilder app)
    {
        var services = app.ApplicationServices;
        var keys = services.GetRequiredService<ApiKeyStore>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SecurityApplicationBuilderExtensions).FullName!);
        if (keys.IsEnabled)
        {
            Log.KeysLoaded(logger, keys.KeyCount, string.Join(", ", keys.Owners));
        }
        else
        {
            Log.ServerIsOpen(logger);
        }

        var cors = services.GetRequiredService<IOptions<CrossOriginOptions>>().Value;
        if (cors.AllowedOrigins.Count > 0)
        {
            app.UseCors(policy =>
            {
                policy = cors.AllowedOrigins.Contains("*") ? policy.AllowAnyOrigin() : policy.WithOrigins([.. cors.AllowedOrigins]);
                policy.AllowAnyHeader().AllowAnyMethod().WithExposedHeaders(CrossOriginOptions.ExposedHeaders).SetPreflightMaxAge(cors.PreflightMaxAge);
            });
        }

        app.UseMiddleware<ApiKeyAuthenticationMiddleware>();
        app.UseMiddleware<RateLimitMiddleware>();
        return app;
    }
}
