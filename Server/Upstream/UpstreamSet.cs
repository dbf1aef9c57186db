using LocalOpenAi.Server.Metrics;
using LocalOpenAi.Server.Configuration;
using Microsoft.Extensions.Options;

namespace LocalOpenAi.Server.Upstream;

/// <summary>
/// Every configured upstream in fallback order: the <c>Upstream</c> section (<c>--upstream-url</c>) as
/// <c>default</c>, then each <c>Upstreams:NAME</c> section in the order configuration lists them. Each has its
/// own forwarder, so its own retries, circuit breaker and key.
/// </summary>
internal sealed class UpstreamSet : IDisposable
{
    public const string Section = "Upstreams";
    public const string DefaultName = "default";

    private readonly List<NamedUpstream> _named = [];

    public UpstreamSet(UpstreamForwarder primary, IConfiguration configuration, LocalOpenAiMetrics metrics, ILoggerFactory loggers, TimeProvider time)
    {
        if (primary.IsConfigured)
        {
            All.Add(new NamedUpstream(DefaultName, primary));
        }

        var errors = new List<string>();
        foreach (var section in configuration.GetSection(Section).GetChildren())
        {
            var options = new UpstreamOptions();
            ConfigurationBinding.Bind(section, options);
            var validation = new UpstreamOptionsValidator().Validate(section.Key, options);
            if (validation.Failed || !options.IsConfigured)
            {
                errors.AddRange((validation.Failures ?? ["Upstream:Url is required."]).Select(error => error.Replace("Upstream:", $"{Section}:{section.Key}:", StringComparison.Ordinal)));
                continue;
            }

            options.Key = options.ResolveKey();
            var upstream = new NamedUpstream(section.Key, new UpstreamForwarder(Options.Create(options), metrics, loggers.CreateLogger<UpstreamForwarder>(), time));
            _named.Add(upstream);
            All.Add(upstream);
        }

        if (errors.Count > 0)
        {
            throw new OptionsValidationException(Section, typeof(UpstreamOptions), errors);
        }
    }

    /// <summary>The upstreams in fallback order.</summary>
    public List<NamedUpstream> All { get; } = [];

    public bool IsConfigured => All.Count > 0;

    /// <summary>At least one upstream is configured and not failing fast.</summary>
    public bool IsAvailable => All.Any(upstream => upstream.Forwarder.IsAvailable);

    public void Dispose()
    {
        foreach (var upstream in _named)
        {
            upstream.Forwarder.Dispose();
        }
    }
}
