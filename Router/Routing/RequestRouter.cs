using System.Globalization;
using System.Text;
using LocalOpenAi.Router.Classification;

namespace LocalOpenAi.Router.Routing;

/// <summary>Decides, per request, whether the local model or the upstream API answers it. Pure logic, no I/O.</summary>
/// <remarks>
/// Precedence: the strategy <c>local_only</c>/<c>cloud_only</c> fixes the route; otherwise an
/// <c>X-Route-Prefer</c> header, then the first matching <see cref="AgentRule"/>, then an upstream model alias
/// (→ cloud), then the strategy: <c>local_fallback</c> → hybrid, <c>hybrid</c> → the classifier
/// (simple → local, moderate → <see cref="RouterOptions.ModerateRoute"/>, complex → cloud).
/// Thread-safe; <see cref="Strategy"/> may be changed while requests are being routed.
/// </remarks>
public sealed class RequestRouter
{
    private readonly RouterOptions _options;
    private int _strategy;

    /// <summary>Creates a router over valid options.</summary>
    /// <exception cref="ArgumentException">The options fail <see cref="RouterOptions.Validate"/>.</exception>
    public RequestRouter(RouterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        _options = options;
        _strategy = (int)options.Strategy;
        Classifier = new ComplexityClassifier(options.Classifier);
    }

    /// <summary>The classifier the router scores with (also behind <c>/router/classify</c>).</summary>
    public ComplexityClassifier Classifier { get; }

    /// <summary>The current strategy.</summary>
    public RoutingStrategy Strategy
    {
        get => (RoutingStrategy)Volatile.Read(ref _strategy);
        set
        {
            if (!Enum.IsDefined(value))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown routing strategy.");
            }

            Volatile.Write(ref _strategy, (int)value);
        }
    }

    /// <summary>The mean token log-probability a <c>local_first</c> answer must reach; null when unchecked.</summary>
    public double? MinMeanLogprob => _options.MinMeanLogprob;

    /// <summary>Whether a model alias names an upstream model.</summary>
    public bool IsUpstreamAlias(string? model) => model is not null && _options.UpstreamAliases.ContainsKey(model);

    /// <summary>Classifies the request and chooses its route.</summary>
    public RouteDecision Decide(RouteRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var classification = Classifier.Classify(request.Input);
        var upstream = request.Model is { } model && _options.UpstreamAliases.TryGetValue(model, out var mapped)
            ? mapped
            : _options.DefaultUpstreamModel;
        var (route, reason) = Strategy switch
        {
            RoutingStrategy.LocalOnly => (RouteTarget.Local, "strategy local_only"),
            RoutingStrategy.CloudOnly => (RouteTarget.Cloud, "strategy cloud_only"),
            var strategy => Choose(strategy, request, classification),
        };
        return new RouteDecision(route, classification.Complexity, classification.Score, classification.Reasons, Ascii(reason), upstream);
    }

    private (RouteTarget Route, string Reason) Choose(RoutingStrategy strategy, RouteRequest request, ClassificationResult classification)
    {
        if (RouterWireNames.TryParseRoute(request.Prefer, out var preferred) && preferred != RouteTarget.Hybrid)
        {
            return (preferred, $"X-Route-Prefer {preferred.ToWireName()}");
        }

        foreach (var (kind, name) in Identities(request))
        {
            foreach (var rule in _options.Rules)
            {
                if (GlobPattern.IsMatch(rule.Match, name))
                {
                    return (rule.Route, $"rule {rule.Match} matched {kind} {name}");
                }
            }
        }

        if (IsUpstreamAlias(request.Model))
        {
            return (RouteTarget.Cloud, $"upstream model {request.Model}");
        }

        if (strategy == RoutingStrategy.LocalFallback)
        {
            return (RouteTarget.Hybrid, "strategy local_fallback");
        }

        if (strategy == RoutingStrategy.LocalFirst)
        {
            return (RouteTarget.Local, "strategy local_first");
        }

        var route = classification.Complexity switch
        {
            Complexity.Complex => RouteTarget.Cloud,
            Complexity.Moderate => _options.ModerateRoute,
            _ => RouteTarget.Local,
        };
        var why = classification.Reasons.Count == 0 ? "no complexity cues" : string.Join(", ", classification.Reasons);
        return (route, string.Create(CultureInfo.InvariantCulture, $"{classification.Complexity.ToWireName()} score {classification.Score:0.##}: {why}"));
    }

    private static IEnumerable<(string Kind, string Name)> Identities(RouteRequest request)
    {
        if (!string.IsNullOrWhiteSpace(request.AgentName))
        {
            yield return ("agent", request.AgentName);
        }

        if (!string.IsNullOrWhiteSpace(request.User))
        {
            yield return ("user", request.User);
        }

        if (!string.IsNullOrWhiteSpace(request.Model))
        {
            yield return ("model", request.Model);
        }
    }

    /// <summary>Header values must be printable ASCII; client-chosen names are cut short and masked.</summary>
    private static string Ascii(string text)
    {
        var builder = new StringBuilder(System.Math.Min(text.Length, 300));
        foreach (var c in text)
        {
            if (builder.Length == 300)
            {
                break;
            }

            builder.Append(c is >= ' ' and <= '~' ? c : '?');
        }

        return builder.ToString();
    }
}
