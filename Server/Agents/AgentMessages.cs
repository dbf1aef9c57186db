using System.Text.Json;

namespace LocalOpenAi.Server.Agents;

/// <summary><c>POST /extract-parameters</c> body.</summary>
internal sealed record ExtractParametersRequest(string? UserMessage, FunctionSchema? FunctionSchema, string? Model = null);

/// <summary>The function whose arguments are wanted: its JSON-Schema parameters.</summary>
internal sealed record FunctionSchema(string Name, JsonElement Parameters, string? Description = null);

/// <summary>The extracted arguments and whether they validate against the schema.</summary>
internal sealed record ExtractParametersResponse(string Name, JsonElement Arguments, bool Valid, IReadOnlyList<string> Errors);

/// <summary><c>POST /summarize</c> body.</summary>
internal sealed record SummarizeRequest(string? Context, int? MaxSummaryTokens = null, string? Style = null, string? Model = null);

/// <summary>The summary with token counts and where it was computed.</summary>
internal sealed record SummarizeResponse(string Summary, int InputTokens, int SummaryTokens, string Route);
