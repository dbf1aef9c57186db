using System.Text.Json.Serialization;

namespace LocalOpenAi.Server.Shadow;

/// <summary>Source-generated JSON for the shadow log.</summary>
[JsonSerializable(typeof(ShadowRecord))]
internal sealed partial class ShadowJson : JsonSerializerContext;
