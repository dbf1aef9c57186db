using System.ComponentModel;
using System.Text.Json.Serialization;

namespace LocalOpenAi.Router.Routing;

/// <summary>How requests are spread between the local model and the upstream (cloud) API.</summary>
/// <remarks>Wire names are snake_case (<c>local_only</c>...); configuration accepts them as well as the member names.</remarks>
[TypeConverter(typeof(RoutingStrategyConverter))]
public enum RoutingStrategy
{
    /// <summary>Everything runs locally; the cloud is never called.</summary>
    [JsonStringEnumMemberName("local_only")]
    LocalOnly,

    /// <summary>Everything is forwarded upstream.</summary>
    [JsonStringEnumMemberName("cloud_only")]
    CloudOnly,

    /// <summary>Rules, aliases and the complexity classifier choose per request.</summary>
    [JsonStringEnumMemberName("hybrid")]
    Hybrid,

    /// <summary>Local first; the cloud answers only when the local backend fails or is unavailable.</summary>
    [JsonStringEnumMemberName("local_fallback")]
    LocalFallback,

    /// <summary>
    /// A cascade: the local model answers, and the answer goes to the cloud instead when it fails its checks
    /// (invalid JSON or tool call, cut off at the token limit, empty or repetitive text).
    /// </summary>
    [JsonStringEnumMemberName("local_first")]
    LocalFirst,
}
