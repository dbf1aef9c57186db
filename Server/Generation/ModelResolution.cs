using System.Diagnostics.CodeAnalysis;
using LocalOpenAi.Server.Errors;
using LocalOpenAi.Server.Hosting;

namespace LocalOpenAi.Server.Generation;

/// <summary>Finds the local model a request names: 404 when unknown, 503 while a known one is still loading.</summary>
public static class ModelResolution
{
    public static bool TryResolve(ModelHost host, string? alias, [NotNullWhen(true)] out LocalModel? model, [NotNullWhen(false)] out IResult? error)
    {
        model = host.Find(alias);
        if (model is not null)
        {
            error = null;
            return true;
        }

        error = host.NotReadyReason is { } reason && (string.IsNullOrEmpty(alias) || host.Aliases.Contains(alias, StringComparer.OrdinalIgnoreCase))
            ? OpenAiError.Unavailable($"The model is not ready: {reason}.")
            : OpenAiError.ModelNotFound(alias);
        return false;
    }
}
