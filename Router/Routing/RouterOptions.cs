using LocalOpenAi.Router.Classification;

namespace LocalOpenAi.Router.Routing;

/// <summary>The hybrid router's configuration (section <c>Router</c>).</summary>
public sealed class RouterOptions
{
    public const string Section = "Router";

    /// <summary>The strategy at start; <c>PUT /admin/router/strategy</c> changes it at run time.</summary>
    public RoutingStrategy Strategy { get; set; } = RoutingStrategy.Hybrid;

    /// <summary>Where <see cref="Complexity.Moderate"/> requests go under <see cref="RoutingStrategy.Hybrid"/>.</summary>
    public RouteTarget ModerateRoute { get; set; } = RouteTarget.Hybrid;

    /// <summary>Per-agent (or per-model) routes, tried in order.</summary>
    public List<AgentRule> Rules { get; set; } = [];

    /// <summary>Model aliases that name an upstream model (alias → upstream model id), e.g. <c>gpt-4o → gpt-4o</c>.</summary>
    public Dictionary<string, string> UpstreamAliases { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The upstream model used when a request routed to the cloud names no upstream alias.</summary>
    public string DefaultUpstreamModel { get; set; } = "gpt-4o";

    /// <summary>Prices per upstream model id, USD per 1M input and output tokens.</summary>
    public Dictionary<string, ModelPrice> Prices { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["gpt-4o"] = new() { InputPerMillion = 2.50m, OutputPerMillion = 10.00m },
        ["gpt-4o-mini"] = new() { InputPerMillion = 0.15m, OutputPerMillion = 0.60m },
        ["gpt-4.1"] = new() { InputPerMillion = 2.00m, OutputPerMillion = 8.00m },
        ["gpt-4.1-mini"] = new() { InputPerMillion = 0.40m, OutputPerMillion = 1.60m },
    };

    /// <summary>The upstream model whose price values the calls answered locally or from cache.</summary>
    public string ReferenceModel { get; set; } = "gpt-4o";

    public ClassifierOptions Classifier { get; set; } = new();

    /// <summary>
    /// Under <see cref="RoutingStrategy.LocalFirst"/>, a whole local answer whose mean token log-probability is under
    /// this (e.g. <c>-2.5</c>) goes to the cloud; null (the default) leaves confidence unchecked.
    /// </summary>
    public double? MinMeanLogprob { get; set; }

    /// <summary>Every problem with these options, listed at once; empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(Strategy))
        {
            errors.Add($"{Section}:Strategy '{Strategy}' is not local_only, cloud_only, hybrid, local_fallback or local_first.");
        }

        if (!Enum.IsDefined(ModerateRoute))
        {
            errors.Add($"{Section}:ModerateRoute must be local, cloud or hybrid.");
        }

        for (var i = 0; i < Rules.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Rules[i].Match))
            {
                errors.Add($"{Section}:Rules:{i}:Match is empty.");
            }

            if (!Enum.IsDefined(Rules[i].Route))
            {
                errors.Add($"{Section}:Rules:{i}:Route must be local, cloud or hybrid.");
            }
        }

        foreach (var (alias, model) in UpstreamAliases)
        {
            if (string.IsNullOrWhiteSpace(alias) || string.IsNullOrWhiteSpace(model))
            {
                errors.Add($"{Section}:UpstreamAliases has an empty alias or model ('{alias}' → '{model}').");
            }
        }

        foreach (var (model, price) in Prices)
        {
            if (price is null || price.InputPerMillion < 0 || price.OutputPerMillion < 0)
            {
                errors.Add($"{Section}:Prices:{model} must have non-negative InputPerMillion and OutputPerMillion.");
            }
        }

        if (string.IsNullOrWhiteSpace(DefaultUpstreamModel))
        {
            errors.Add($"{Section}:DefaultUpstreamModel is empty.");
        }

        if (!Prices.ContainsKey(ReferenceModel ?? string.Empty))
        {
            errors.Add($"{Section}:ReferenceModel '{ReferenceModel}' has no entry in {Section}:Prices.");
        }

        if (MinMeanLogprob is { } minimum && !(minimum <= 0))
        {
            errors.Add(FormattableString.Invariant($"{Section}:MinMeanLogprob must be a log-probability, zero or below (got {minimum})."));
        }

        errors.AddRange(Classifier is null ? [$"{Section}:Classifier is missing."] : Classifier.Validate($"{Section}:Classifier"));
        return errors;
    }
}
