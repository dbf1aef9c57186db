using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using LocalOpenAi.Server.Configuration;

namespace LocalOpenAi.Server.Feedback;

/// <summary>Registers the feedback store, the exchange log and their options.</summary>
internal static class FeedbackServices
{
    /// <summary>Adds <see cref="FeedbackStore"/> and an in-memory <see cref="IExchangeLog"/> (unless one is already registered).</summary>
    public static IServiceCollection AddFeedback(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<FeedbackOptions>(configuration, FeedbackOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<FeedbackStore>();
        services.TryAddSingleton<ExchangeRecorder>();
        services.TryAddSingleton<IExchangeLog>(provider => new BoundedExchangeLog(provider.GetRequiredService<IOptions<FeedbackOptions>>().Value.ExchangeCapacity));
        return services;
    }
}
