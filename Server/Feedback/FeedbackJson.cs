using System.Text.Json.Serialization;

namespace LocalOpenAi.Server.Feedback;

/// <summary>Source-generated JSON for feedback: snake_case, nulls omitted, strict numbers (a rating of 4.5 or "5" is a 400).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(FeedbackRequest))]
[JsonSerializable(typeof(FeedbackAccepted))]
[JsonSerializable(typeof(FeedbackRecord))]
[JsonSerializable(typeof(System.Text.Json.Nodes.JsonObject))]
internal sealed partial class FeedbackJson : JsonSerializerContext;
