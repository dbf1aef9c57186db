using LocalOpenAi.Server.Models.Loading;

namespace LocalOpenAi.Server.Endpoints;

/// <summary>The body of <c>GET /admin/models</c>.</summary>
internal sealed record ModelStatusList(IReadOnlyList<ModelStatus> Data);
