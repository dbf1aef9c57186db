using System.Text.Json.Serialization;
using LocalOpenAi.Server.Models.Loading;

namespace LocalOpenAi.Server.Endpoints;

/// <summary>Source-generated JSON for the model admin endpoints (snake_case).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ModelStatus))]
[JsonSerializable(typeof(ModelStatusList))]
internal sealed partial class ModelAdminJson : JsonSerializerContext;
