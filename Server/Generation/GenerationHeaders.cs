namespace LocalOpenAi.Server.Generation;

/// <summary>The routing headers SPEC.md puts on every generation response.</summary>
public static class GenerationHeaders
{
    public static void SetLocal(HttpResponse response, string modelAlias, string cacheState = "BYPASS")
    {
        response.Headers["X-Route"] = "local";
        response.Headers["X-Route-Reason"] = "local model";
        response.Headers["X-Cache"] = cacheState;
        response.Headers["X-Model"] = modelAlias;
    }
}
