
namespace LocalOpenAi.Server.Models.Loading;

/// <summary>A lease on a loaded alias, or why there is none.</summary>
internal sealed record ModelAcquisition(Lease<LocalModel>? Lease, ModelFailure? Failure);
