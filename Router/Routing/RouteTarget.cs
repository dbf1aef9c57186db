using System.Text.Json.Serialization;

namespace LocalOpenAi.Router.Routing;

/// <summary>Where a request should be answered.</summary>
public enum RouteTarget
{
    /// <summary>By the local model.</summary>
    [JsonStringEnumMemberName("local")]
    Local,

    /// <summary>By the upstream API.</summary>
    [JsonStringEnumMemberName("cloud")]
    Cloud,

    /// <summary>Locally first, escalating to the upstream API when the local attempt fails or no local backend is available.</summary>
    [JsonStringEnumMemberName("hybrid")]
    Hybrid,
}
