using System.Text.Json.Serialization;

namespace LocalOpenAi.LoadGenerator;

/// <summary>Source-generated JSON for <see cref="LoadReport"/>, in snake_case like the API it measures.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(LoadReport))]
internal sealed partial class LoadReportJson : JsonSerializerContext;
