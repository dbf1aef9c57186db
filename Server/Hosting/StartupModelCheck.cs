using LocalOpenAi.Server.Models.Loading;
using Microsoft.Extensions.Options;
using LocalOpenAi.Server.Models;

namespace LocalOpenAi.Server.Hosting;

/// <summary>
/// With a single <c>--model</c>, waits for it to load after the host started: a file llama.cpp cannot load
/// ends the process instead of leaving a server that answers 503 to everything. A models file's aliases
/// stay non-fatal (<c>/ready</c> lists the broken ones).
/// </summary>
internal static class StartupModelCheck
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Why the model did not load, or null once it has (or when there is nothing to wait for).</summary>
    public static async Task<string?> FailureAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<InferenceOptions>>().Value;
        var models = services.GetRequiredService<ModelManager>();
        if (!string.IsNullOrEmpty(options.ModelsFile) || models.DefaultAlias is not { } alias)
        {
            return null;
        }

        using var timer = new PeriodicTimer(PollInterval);
        try
        {
            while (models.Describe(alias) is { State: not "loaded" } status)
            {
                if (status.LastError is { } error)
                {
                    return $"--model {options.Model}: the model did not load ({error})";
                }

                await timer.WaitForNextTickAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped (Ctrl+C) while the model was loading: an ordinary shutdown.
        }

        return null;
    }
}
