using LocalOpenAi.Server.Agents;
using LocalOpenAi.Server.Caching;
using LocalOpenAi.Server.Cli;
using LocalOpenAi.Server.Endpoints;
using LocalOpenAi.Server.Errors;
using LocalOpenAi.Server.Feedback;
using LocalOpenAi.Server.Metrics;
using LocalOpenAi.Server.Models;
using LocalOpenAi.Server.Models.Catalog;
using LocalOpenAi.Server.Models.Loading;
using Microsoft.Extensions.DependencyInjection.Extensions;
using LocalOpenAi.Server.Responses;
using LocalOpenAi.Server.Routing;
using LocalOpenAi.Server.Security;
using LocalOpenAi.Server.Upstream;

namespace LocalOpenAi.Server.Hosting;

/// <summary>Builds the web application: configuration, services, middleware and endpoints.</summary>
public static class ServerApplication
{
    public const string EnvironmentPrefix = "LOCALOPENAI__";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Configuration.AddEnvironmentVariables(EnvironmentPrefix);
        builder.Configuration.AddCommandLine(CommandLineSwitches.Normalize(args), new Dictionary<string, string>(CommandLineSwitches.Mappings));
        builder.Services.AddLocalOpenAi(builder.Configuration);
        var server = builder.Configuration.GetSection(ServerOptions.Section).Get<ServerOptions>() ?? new ServerOptions();
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
        app.MapOpenApi("/openapi/{documentName}.json");
        return app;
    }

    private static IServiceCollection AddLocalOpenAi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InferenceOptions>().Bind(configuration.GetSection(InferenceOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ServerOptions>().Bind(configuration.GetSection(ServerOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(LoadCatalog(configuration));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ModelManager>();
        services.AddShutdownDrain(configuration);
        services.AddHostedService(provider => provider.GetRequiredService<ModelManager>());
        services.AddLocalOpenAiMetrics();
        services.AddUpstream(configuration);
        services.AddResponseCaching(configuration);
        services.AddRouting(configuration);
        services.AddResponses(configuration);
        services.AddLocalOpenAiSecurity(configuration);
        services.AddFeedback(configuration);
        services.AddOpenApi();
        return services;
    }

    /// <summary>Reads the models file (or the single <c>--model</c>) before the host starts, so that a bad file stops start-up with a clear message.</summary>
    private static ModelCatalog LoadCatalog(IConfiguration configuration)
    {
        var options = configuration.GetSection(InferenceOptions.Section).Get<InferenceOptions>() ?? new InferenceOptions();
        if (!string.IsNullOrEmpty(options.MemoryBudget) && !ByteSize.TryParse(options.MemoryBudget, out _))
        {
            throw new CommandLineException($"--memory-budget '{options.MemoryBudget}' is not a size such as 12GiB, 512MiB or 8G.");
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
