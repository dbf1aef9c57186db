using LocalOpenAi.Server.Agents;
using LocalOpenAi.Server.Caching;
using LocalOpenAi.Server.Dashboard;
using LocalOpenAi.Server.Endpoints;
using LocalOpenAi.Server.Errors;
using LocalOpenAi.Server.Feedback;
using LocalOpenAi.Server.Metrics;
using LocalOpenAi.Server.Models;
using LocalOpenAi.Server.Models.Catalog;
using LocalOpenAi.Server.Models.Loading;
using Microsoft.Extensions.DependencyInjection.Extensions;
using LocalOpenAi.Server.Responses;
using Microsoft.Extensions.Logging.Console;
using LocalOpenAi.Server.Routing;
using LocalOpenAi.Server.Security;
using LocalOpenAi.Server.Shadow;
using LocalOpenAi.Server.Tracing;
using LocalOpenAi.Server.Upstream;
using LocalOpenAi.Server.Requests;
using LocalOpenAi.Server.Commands;
using LocalOpenAi.Server.Configuration;

namespace LocalOpenAi.Server.Hosting;

/// <summary>Builds the web application: configuration, services, middleware and endpoints.</summary>
internal static class ServerApplication
{
    public const string EnvironmentPrefix = "LOCALOPENAI__";

    /// <summary>
    /// The server configured by, later ones winning: <c>appsettings.json</c> next to the program (every option at
    /// its default), <c>appsettings.json</c> in the current folder, <c>LOCALOPENAI__SECTION__KEY</c> environment
    /// variables, then <paramref name="settings"/> (configuration keys from the command line; the last of a key wins).
    /// </summary>
    /// <exception cref="CommandLineException">Invalid configuration found before the host starts.</exception>
    public static WebApplication Build(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddJsonFile(Path.GetFullPath("appsettings.json"), optional: true, reloadOnChange: false);
        builder.Configuration.AddEnvironmentVariables(EnvironmentPrefix);
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in settings)
        {
            overrides[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(overrides);
        var logFormat = builder.Configuration["Logging:Console:FormatterName"];
        builder.Logging.AddConsole(console => console.FormatterName = string.IsNullOrEmpty(logFormat) ? ConsoleFormatterNames.Simple : logFormat);
        builder.Services.AddLocalOpenAi(builder.Configuration);
        var server = ConfigurationBinding.Get<ServerOptions>(builder.Configuration, ServerOptions.Section);
        builder.WebHost.UseUrls($"http://{server.Host}:{server.Port}");
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = server.MaxRequestBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = server.MaxRequestHeadersTotalBytes;
            kestrel.Limits.RequestHeadersTimeout = server.RequestHeadersTimeout;
            kestrel.Limits.KeepAliveTimeout = server.KeepAliveTimeout;
        });

        var app = builder.Build();
        app.DrainOnStopping();
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseRequestMetrics();
        app.UseMiddleware<ErrorEnvelopeMiddleware>();
        app.UseOpenAiStatusCodeEnvelope();
        app.UseLocalOpenAiSecurity();
        app.UseDashboardFiles();
        app.MapHealth();
        app.MapModels();
        app.MapModelAdmin();
        app.MapChatCompletions();
        app.MapCompletions();
        app.MapMessages();
        app.MapResponses();
        app.MapEmbeddings();
        app.MapTokenization();
        app.MapExtractParameters();
        app.MapSummarize();
        app.MapFeedback();
        app.MapRouter();
        app.MapMetrics();
        app.MapDashboard();
        app.MapOpenApi("/openapi/{documentName}.json");
        return app;
    }

    private static IServiceCollection AddLocalOpenAi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<InferenceOptions>(configuration, InferenceOptions.Section);
        services.AddValidatedOptions<ServerOptions>(configuration, ServerOptions.Section);
        services.AddSingleton(LoadCatalog(configuration));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ModelManager>();
        services.AddShutdownDrain();
        services.AddHostedService(provider => provider.GetRequiredService<ModelManager>());
        services.AddLocalOpenAiMetrics();
        services.AddUpstream(configuration);
        services.AddResponseCaching(configuration);
        services.AddRouting(configuration);
        services.AddResponses(configuration);
        services.AddShadow(configuration);
        services.AddLocalOpenAiTracing();
        services.AddLocalOpenAiSecurity(configuration);
        services.AddFeedback(configuration);
        services.AddOpenApi();
        return services;
    }

    /// <summary>Reads the models file (or the single <c>--model</c>) before the host starts, so that a bad file stops start-up with a clear message.</summary>
    private static ModelCatalog LoadCatalog(IConfiguration configuration)
    {
        var options = ConfigurationBinding.Get<InferenceOptions>(configuration, InferenceOptions.Section);
        if (!string.IsNullOrEmpty(options.MemoryBudget) && !ByteSize.TryParse(options.MemoryBudget, out _))
        {
            throw new CommandLineException($"--memory-budget '{options.MemoryBudget}' is not a size such as 12GiB, 512MiB or 8G.");
        }

        if (string.IsNullOrEmpty(options.ModelsFile) && options.Model is { Length: > 0 } model && ModelFileCheck.Problem(model) is { } problem)
        {
            throw new CommandLineException(problem);
        }

        try
        {
            return ModelCatalogLoader.Load(options);
        }
        catch (ModelsFileException exception)
        {
            throw new CommandLineException(exception.Message);
        }
    }
}
