using System.Text.Json.Serialization;

namespace LocalOpenAi.Server.Agents;

/// <summary>Source-generated JSON for the agent endpoints (snake_case like the OpenAI API).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(ExtractParametersRequest))]
[JsonSerializable(typeof(ExtractParametersResponse))]
[JsonSerializable(typeof(SummarizeRequest))]
[JsonSerializable(typeof(SummarizeResponse))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class AgentJson : JsonSerializerContext;
