using LocalOpenAi.Router.Routing;
using LocalOpenAi.Server.Errors;
using LocalOpenAi.Server.Models.Loading;

namespace LocalOpenAi.Server.Backends;

/// <summary>404 for a model that is neither a local alias nor an upstream alias the router knows.</summary>
internal sealed class ModelNameCheck(ModelManager models, RequestRouter router)
{
    public ErrorResult? Check(string? model) =>
        string.IsNullOrEmpty(model) || models.IsKnown(model) || router.IsUpstreamAlias(model)
            ? null
            : OpenAiError.ModelNotFound(model);
}
