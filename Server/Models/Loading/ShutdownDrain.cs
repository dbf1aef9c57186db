using Microsoft.Extensions.Options;

namespace LocalOpenAi.Server.Models.Loading;

/// <summary>
/// One drain window for shutdown (<c>Inference:DrainTimeout</c>): it starts when SIGTERM arrives, while Kestrel
/// stops accepting and waits for the requests in flight, and the host waits that long plus the time to free
/// the models before it gives up on them.
/// </summary>
internal static class ShutdownDrain
{
    private static readonly TimeSpan FreeingMargin = TimeSpan.FromSeconds(10);

    public static IServiceCollection AddShutdownDrain(this IServiceCollection services)
    {
        services.AddOptions<HostOptions>().Configure<IOptions<InferenceOptions>>((host, inference) => host.ShutdownTimeout = inference.Value.DrainTimeout + FreeingMargin);
        return services;
    }

    public static WebApplication DrainOnStopping(this WebApplication app)
    {
        var models = app.Services.GetRequiredService<ModelManager>();
        app.Lifetime.ApplicationStopping.Register(() => _ = models.BeginDrain());
        return app;
    }
}
