using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace LocalOpenAi.Cache;

[JsonSerializable(typeof(JsonNode))]
internal sealed partial class CacheJsonContext : JsonSerializerContext;
