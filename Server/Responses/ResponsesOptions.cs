using System.ComponentModel.DataAnnotations;

namespace LocalOpenAi.Server.Responses;

/// <summary>The Responses API (section <c>Responses</c>).</summary>
internal sealed class ResponsesOptions
{
    public const string Section = "Responses";

    /// <summary>How long a stored Response (and a deleted one's tombstone) is kept.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "90.00:00:00")]
    public TimeSpan StoreTtl { get; set; } = TimeSpan.FromDays(1);
}
