using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace LocalOpenAi.Server.Tracing;

/// <summary>
/// Traces with OpenTelemetry: a span per request (ASP.NET Core) with the completion's spans under it and the
/// upstream HTTP calls. They are exported over OTLP when the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (or
/// <c>OTEL_EXPORTER_OTLP_TRACES_ENDPOINT</c>, or <c>OTEL_TRACES_EXPORTER=otlp</c>) is set, and go nowhere otherwise;
/// <c>OTEL_SERVICE_NAME</c> and the other <c>OTEL_*</c> variables apply as usual.
/// </summary>
internal static class TracingServices
{
    public static IServiceCollection AddLocalOpenAiTracing(this IServiceCollection services)
    {
        if (!OtlpConfigured())
        {
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("localopenai"))
            .WithTracing(tracing => tracing
                .AddSource(CompletionTracing.SourceName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddOtlpExporter());
        return services;
    }

    private static bool OtlpConfigured() =>
        !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT"))
        || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"))
        || string.Equals(Environment.GetEnvironmentVariable("OTEL_TRACES_EXPORTER"), "otlp", StringComparison.OrdinalIgnoreCase);
}
