using System.Text.Json.Serialization;

namespace LocalOpenAi.Server.Models.Catalog;

/// <summary>Source-generated JSON for models files: snake_case, and an unknown key is an error (a typo must not pass silently).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(ModelsFileDocument))]
internal sealed partial class ModelsFileJson : JsonSerializerContext;
