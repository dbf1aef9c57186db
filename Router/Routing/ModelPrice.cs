namespace LocalOpenAi.Router.Routing;

/// <summary>An upstream model's list price in USD per million tokens.</summary>
public sealed class ModelPrice
{
    /// <summary>USD per 1M prompt tokens.</summary>
    public decimal InputPerMillion { get; set; }

    /// <summary>USD per 1M completion tokens.</summary>
    public decimal OutputPerMillion { get; set; }

    /// <summary>What the given tokens cost at this price, in USD.</summary>
    public decimal Cost(long inputTokens, long outputTokens) =>
        ((inputTokens * InputPerMillion) + (outputTokens * OutputPerMillion)) / 1_000_000m;
}
