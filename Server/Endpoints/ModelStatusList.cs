using LocalOpenAi.Server.Models.Loading;

namespace LocalOpenAi.Server.Endpoints;

/// <summary>The body of <c>GET /admin/models</c>.</summary>
public sealed record ModelStatusList(IReadOnlyList<ModelStatus> Data);
