using System.Diagnostics;

namespace LocalOpenAi.Server.Tracing;

/// <summary>
/// The spans of a completion, children of the request's span: <c>route</c> (the router's decision),
/// <c>cache.lookup</c>, <c>upstream</c> (the call to a cloud API, with the HTTP client's span under it), and for a
/// local answer <c>queue</c>, <c>prompt</c> and <c>decode</c>, laid out from the scheduler's timings when it ends.
/// </summary>
internal static class CompletionTracing
{
    public const string SourceName = "LocalOpenAi";

    public static ActivitySource Source { get; } = new(SourceName);

    /// <summary>Tags the request's own span (when it is recorded) so that a trace says where the answer came from.</summary>
    public static void TagRequest(string name, object? value) => Activity.Current?.SetTag(name, value);

    /// <summary>A finished span between two instants, for phases measured elsewhere (the decode thread's timings).</summary>
    public static void Phase(string name, DateTimeOffset start, DateTimeOffset end, string model)
    {
        using var phase = Source.StartActivity(name, ActivityKind.Internal, Activity.Current?.Context ?? default, startTime: start);
        phase?.SetTag("localopenai.model", model);
        phase?.SetEndTime(end.UtcDateTime);
    }
}
