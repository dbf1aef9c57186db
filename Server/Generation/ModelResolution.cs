using LocalOpenAi.Server.Errors;
using LocalOpenAi.Server.Models.Loading;
using LocalOpenAi.Server.Models;

namespace LocalOpenAi.Server.Generation;

/// <summary>
/// Finds the local model a request names (the default alias when none), loading it on first use, and
/// holds it for the rest of the request: 404 when unknown, 503 when it cannot be loaded.
/// </summary>
internal static class ModelResolution
{
    private const int BusyRetryAfterSeconds = 5;

    public static async Task<(LocalModel? Model, ErrorResult? Error)> ResolveAsync(HttpContext http, ModelManager models, string? alias)
    {
        ModelAcquisition acquisition;
        try
        {
            acquisition = await models.AcquireAsync(string.IsNullOrEmpty(alias) ? null : alias, http.RequestAborted);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return (null, OpenAiError.ClientGone);
        }

        if (acquisition.Lease is { } lease)
        {
            http.Response.RegisterForDispose(lease);
            return (lease.Value, null);
        }

        var failure = acquisition.Failure!;
        return (null, failure.Kind switch
        {
            ModelFailureKind.NotFound => OpenAiError.ModelNotFound(alias),
            ModelFailureKind.Busy => OpenAiError.Overloaded(failure.Message, BusyRetryAfterSeconds),
            _ => OpenAiError.Unavailable(failure.Message),
        });
    }
}
