using System.Text.Json;
using LocalOpenAi.Formats.Grammar;
using LocalOpenAi.Formats.OpenAi;
using LocalOpenAi.Formats.Tools;

namespace LocalOpenAi.Client.Planning;

/// <summary>Turns <c>grammar</c>, <c>response_format</c>, <c>tools</c> and <c>tool_choice</c> into one <see cref="OutputPlan"/>.</summary>
internal static class OutputPlanner
{
    public static (OutputPlan? Plan, PlanError? Error) Plan(ChatCompletionRequest request, string templateName)
    {
        var (formatGrammar, formatError) = FromResponseFormat(request.ResponseFormat);
        if (formatError is not null)
        {
            return (null, formatError);
        }

        var (toolFormat, toolGrammar, toolError) = FromTools(request, templateName);
        if (toolError is not null)
        {
            return (null, toolError);
        }

        var grammars = new[] { request.Grammar, formatGrammar, toolGrammar }.Where(grammar => !string.IsNullOrEmpty(grammar)).ToList();
        return grammars.Count > 1
            ? (null, new PlanError("Use only one of 'grammar', 'response_format' and a forced 'tool_choice'.", "response_format"))
            : (new OutputPlan(grammars.SingleOrDefault(), toolFormat), null);
    }

    private static (string? Grammar, PlanError? Error) FromResponseFormat(JsonElement? responseFormat)
    {
        if (responseFormat is not { ValueKind: not JsonValueKind.Null } format)
        {
            return (null, null);
        }

        var type = format.ValueKind == JsonValueKind.Object && format.TryGetProperty("type", out var typeElement) && typeElement.ValueKind == JsonValueKind.String
            ? typeElement.GetString()
            : null;
        switch (type)
        {
            case "text":
                return (null, null);
            case "json_object":
                return (JsonSchemaGrammar.AnyJsonObject, null);
            case "json_schema" when format.TryGetProperty("json_schema", out var jsonSchema)
                && jsonSchema.ValueKind == JsonValueKind.Object
                && jsonSchema.TryGetProperty("schema", out var schema)
                && schema.ValueKind == JsonValueKind.Object:
                var result = JsonSchemaGrammar.Convert(schema);
                return result.IsSuccess ? (result.Grammar, null) : (null, new PlanError(result.Error!, "response_format"));
            default:
                return (null, new PlanError(
                    "'response_format' must be {\"type\":\"text\"}, {\"type\":\"json_object\"} or {\"type\":\"json_schema\",\"json_schema\":{\"name\":...,\"schema\":{...}}}.",
                    "response_format"));
        }
    }

    private static (ToolCallFormat? Format, string? Grammar, PlanError? Error) FromTools(ChatCompletionRequest request, string templateName)
    {
        var choice = request.ToolChoice;
        if (request.Tools is not { Count: > 0 } tools)
        {
            return choice switch
            {
                null or { ValueKind: JsonValueKind.Null } => (null, null, null),
                { ValueKind: JsonValueKind.String } when choice.Value.GetString() is "none" or "auto" => (null, null, null),
                { ValueKind: JsonValueKind.String } when choice.Value.GetString() is "required" => (null, null, new PlanError("'tool_choice' needs 'tools'.", "tool_choice")),
                { ValueKind: JsonValueKind.Object } => (null, null, new PlanError("'tool_choice' needs 'tools'.", "tool_choice")),
                _ => (null, null, InvalidToolChoice),
            };
        }

        if (tools.Any(tool => tool?.Function?.Name is not { Length: > 0 } || tool.Type != "function"))
        {
            return (null, null, new PlanError("Every tool must be {\"type\":\"function\",\"function\":{\"name\":...}}.", "tools"));
        }

        var forced = choice switch
        {
            null or { ValueKind: JsonValueKind.Null } => (Mode: "auto", Name: null),
            { ValueKind: JsonValueKind.String } => (Mode: choice.Value.GetString(), Name: (string?)null),
            { ValueKind: JsonValueKind.Object } when choice.Value.TryGetProperty("function", out var function)
                && function.ValueKind == JsonValueKind.Object
                && function.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String => (Mode: "function", Name: name.GetString()),
            _ => (Mode: "invalid", Name: null),
        };
        var format = ToolCallFormat.For(templateName, forced: forced.Mode is "required" or "function");
        switch (forced.Mode)
        {
            case "none":
                return (null, null, null);
            case "auto":
                return (format, null, null);
            case "required" or "function":
                if (CheckParameters(tools) is { } invalidParameters)
                {
                    return (null, null, invalidParameters);
                }

                var grammar = format.BuildGrammar(tools, forced.Name);
                return grammar.IsSuccess ? (format, grammar.Grammar, null) : (null, null, new PlanError(grammar.Error!, "tool_choice"));
            default:
                return (null, null, InvalidToolChoice);
        }
    }

    private static PlanError InvalidToolChoice => new PlanError(
        "'tool_choice' must be 'none', 'auto', 'required' or {\"type\":\"function\",\"function\":{\"name\":...}}.", "tool_choice");

    /// <summary>Each tool's schema on its own, so that a schema over a limit is named by its own field.</summary>
    private static PlanError? CheckParameters(IReadOnlyList<ChatTool> tools)
    {
        for (var i = 0; i < tools.Count; i++)
        {
            if (tools[i].Function.Parameters is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } parameters
                && JsonSchemaGrammar.Convert(parameters) is { IsSuccess: false } result)
            {
                return new PlanError(result.Error!, $"tools[{i}].function.parameters");
            }
        }

        return null;
    }
}
