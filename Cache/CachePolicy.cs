using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LocalOpenAi.Cache;

/// <summary>Decides per request whether the response cache applies, and the entry's TTL.</summary>
/// <remarks>
/// By default only deterministic requests are cached: <c>temperature</c> is 0, or a <c>seed</c> is
/// given (a missing temperature means OpenAI's default of 1). <see cref="CacheOptions.CacheNonDeterministic"/>
/// caches everything. <c>Cache-Control: no-cache</c> or <c>no-store</c> bypasses reading and writing.
/// A requested TTL in whole seconds (e.g. from an <c>X-Cache-TTL</c> header) replaces the default and
/// is capped at <see cref="CacheOptions.MaxTtl"/>; 0 bypasses; anything unparseable is ignored.
/// </remarks>
public sealed class CachePolicy
{
    private readonly CacheOptions _options;

    /// <summary>Creates a policy over validated options.</summary>
    public CachePolicy(CacheOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>Decides for a parsed request body and the request's headers.</summary>
    /// <param name="body">The request body (a JSON object).</param>
    /// <param name="cacheControl">The <c>Cache-Control</c> request header, or null.</param>
    /// <param name="requestedTtl">A requested TTL in seconds (header value), or null.</param>
    public CacheDecision Decide(JsonElement body, string? cacheControl = null, string? requestedTtl = null)
    {
        if (!_options.Enabled)
        {
            return CacheDecision.Bypass(CacheBypassReason.Disabled);
        }

        if (HasNoCacheDirective(cacheControl))
        {
            return CacheDecision.Bypass(CacheBypassReason.NoCacheRequested);
        }

        if (!_options.CacheNonDeterministic && !IsDeterministic(body))
        {
            return CacheDecision.Bypass(CacheBypassReason.NonDeterministic);
        }

        var ttl = _options.DefaultTtl;
        if (long.TryParse(requestedTtl?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            if (seconds == 0)
            {
                return CacheDecision.Bypass(CacheBypassReason.ZeroTtlRequested);
            }

            ttl = seconds >= (long)_options.MaxTtl.TotalSeconds ? _options.MaxTtl : TimeSpan.FromSeconds(seconds);
        }

        return CacheDecision.Use(ttl < _options.MaxTtl ? ttl : _options.MaxTtl);
    }

    /// <inheritdoc cref="Decide(JsonElement, string?, string?)"/>
    public CacheDecision Decide(JsonNode body, string? cacheControl = null, string? requestedTtl = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Decide(JsonSerializer.SerializeToElement(body, CacheJsonContext.Default.JsonNode), cacheControl, requestedTtl);
    }

    /// <summary>True when sampling is reproducible: temperature 0, or a seed given.</summary>
    public static bool IsDeterministic(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (body.TryGetProperty("seed", out var seed) && seed.ValueKind == JsonValueKind.Number)
        {
            return true;
        }

        return body.TryGetProperty("temperature", out var temperature)
            && temperature.ValueKind == JsonValueKind.Number
            && temperature.TryGetDouble(out var value)
            && value == 0;
    }

    private static bool HasNoCacheDirective(string? cacheControl)
    {
        if (string.IsNullOrEmpty(cacheControl))
        {
            return false;
        }

        foreach (var directive in cacheControl.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (directive.Equals("no-cache", StringComparison.OrdinalIgnoreCase)
                || directive.Equals("no-store", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
