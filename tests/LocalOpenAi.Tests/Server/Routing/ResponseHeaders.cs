namespace LocalOpenAi.Tests.Server.Routing;

/// <summary>Reading one response header, wherever HttpClient filed it.</summary>
internal static class ResponseHeaders
{
    public static string? Header(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values)
            : null;
}
