namespace LocalOpenAi.Server.Generation;

/// <summary>The routing headers SPEC.md puts on every generation response.</summary>
internal static class GenerationHeaders
{
    /// <summary>Marks a locally generated answer; route and cache headers already set by the pipeline are kept.</summary>
    public static void SetLocal(HttpResponse response, string modelAlias)
    {
        response.Headers["X-Model"] = modelAlias;
        response.Headers.TryAdd("X-Route", "local");
        response.Headers.TryAdd("X-Route-Reason", "local model");
        response.Headers.TryAdd("X-Cache", "BYPASS");
    }
}
