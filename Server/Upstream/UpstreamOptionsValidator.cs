using Microsoft.Extensions.Options;

namespace LocalOpenAi.Server.Upstream;

/// <summary>Checks <see cref="UpstreamOptions"/> at start-up and lists every problem at once.</summary>
internal sealed class UpstreamOptionsValidator : IValidateOptions<UpstreamOptions>
{
    public ValidateOptionsResult Validate(string? name, UpstreamOptions options)
    {
        var errors = new List<string>();
        if (options.IsConfigured && options.BaseUri is null)
        {
            errors.Add($"Upstream:Url must be an absolute http or https URL (got '{options.Url}').");
        }

        Positive(errors, nameof(options.ConnectTimeout), options.ConnectTimeout);
        Positive(errors, nameof(options.ReadTimeout), options.ReadTimeout);
        Positive(errors, nameof(options.TotalTimeout), options.TotalTimeout);
        Positive(errors, nameof(options.RetryBaseDelay), options.RetryBaseDelay);
        Positive(errors, nameof(options.RetryMaxDelay), options.RetryMaxDelay);
        if (options.MaxRetries is < 0 or > 10)
        {
            errors.Add("Upstream:MaxRetries must be between 0 and 10.");
        }

        if (options.MaxRetryAfter < TimeSpan.Zero)
        {
            errors.Add("Upstream:MaxRetryAfter must not be negative.");
        }

        // The circuit breaker's own lower bounds.
        if (options.CircuitFailureRatio is <= 0 or > 1)
        {
            errors.Add("Upstream:CircuitFailureRatio must be greater than 0 and at most 1.");
        }

        if (options.CircuitMinimumThroughput < 2)
        {
            errors.Add("Upstream:CircuitMinimumThroughput must be at least 2.");
        }

        AtLeastHalfSecond(errors, nameof(options.CircuitSamplingDuration), options.CircuitSamplingDuration);
        AtLeastHalfSecond(errors, nameof(options.CircuitBreakDuration), options.CircuitBreakDuration);
        if (options.MaxResponseBytes < 1024)
        {
            errors.Add("Upstream:MaxResponseBytes must be at least 1024.");
        }

        foreach (var (alias, model) in options.ModelMap)
        {
            if (string.IsNullOrWhiteSpace(model))
            {
                errors.Add($"Upstream:ModelMap:{alias} must name an upstream model.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Positive(List<string> errors, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"Upstream:{name} must be positive.");
        }
    }

    private static void AtLeastHalfSecond(List<string> errors, string name, TimeSpan value)
    {
        if (value < TimeSpan.FromMilliseconds(500))
        {
            errors.Add($"Upstream:{name} must be at least 00:00:00.5.");
        }
    }
}
