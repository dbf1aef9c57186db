using System.Text.Json;
using LocalOpenAi.Engine.Sampling;
using LocalOpenAi.Formats.Grammar;
using LocalOpenAi.Formats.OpenAi;
using LocalOpenAi.Server.Errors;
using LocalOpenAi.Server.Generation;
using LocalOpenAi.Server.Models.Loading;

namespace LocalOpenAi.Server.Agents;

/// <summary>
/// <c>POST /extract-parameters</c>: fills a function's arguments from a user message, generation
/// constrained by a grammar made from the parameter schema, then checked against that schema.
/// </summary>
internal static class ExtractParametersEndpoint
{
    private const int MaxArgumentTokens = 512;

    public static IEndpointRouteBuilder MapExtractParameters(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/extract-parameters", HandleAsync).WithName("ExtractParameters").WithTags("Agents");
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, ModelManager models)
    {
        var (request, error) = await JsonBody.ReadAsync(http.Request, AgentJson.Default.ExtractParametersRequest);
        if (error is not null)
        {
            return error;
        }

        if (string.IsNullOrWhiteSpace(request!.UserMessage))
        {
            return OpenAiError.BadRequest("'user_message' must be a non-empty string.", "user_message");
        }

        if (request.FunctionSchema is not { Name.Length: > 0, Parameters.ValueKind: JsonValueKind.Object } function)
        {
            return OpenAiError.BadRequest("'function_schema' must have a 'name' and a 'parameters' JSON schema object.", "function_schema");
        }

        var grammar = JsonSchemaGrammar.Convert(function.Parameters);
        if (!grammar.IsSuccess)
        {
            return OpenAiError.BadRequest(grammar.Error!, "function_schema.parameters");
        }

        var (model, missing) = await ModelResolution.ResolveAsync(http, models, request.Model);
        if (model is null)
        {
            return missing!;
        }

        ChatMessage[] messages =
        [
            new() { Role = "system", Content = ExtractionPrompt(function) },
            new() { Role = "user", Content = request.UserMessage },
        ];
        var result = await LocalChatRunner.RunAsync(model, messages, SamplingOptions.Greedy with { Grammar = grammar.Grammar }, MaxArgumentTokens, http.RequestAborted);
        if (!result.Succeeded)
        {
            return result.Status == Engine.Scheduling.SubmitStatus.ContextLengthExceeded
                ? OpenAiError.ContextLengthExceeded(result.Error!)
                : OpenAiError.Unavailable(result.Error ?? "The extraction did not complete.");
        }

        GenerationHeaders.SetLocal(http.Response, model.Alias);
        return TypedResults.Json(Check(function, result), AgentJson.Default.ExtractParametersResponse);
    }

    private static ExtractParametersResponse Check(FunctionSchema function, LocalChatRunner.Result result)
    {
        try
        {
            using var document = JsonDocument.Parse(result.Text);
            var validation = JsonSchemaValidator.Validate(function.Parameters, document.RootElement);
            return new ExtractParametersResponse(function.Name, document.RootElement.Clone(), validation.IsValid, validation.Errors);
        }
        catch (JsonException)
        {
            var reason = result.Finish == Engine.Generation.FinishReason.Length
                ? $"The arguments did not fit in {MaxArgumentTokens} tokens."
                : "The model's output is not JSON.";
            return new ExtractParametersResponse(function.Name, JsonSerializer.SerializeToElement(new Dictionary<string, string>(), AgentJson.Default.DictionaryStringString), false, [reason]);
        }
    }

    private static string ExtractionPrompt(FunctionSchema function) =>
        $"Extract the arguments for the function `{function.Name}`" + (function.Description is { Length: > 0 } description ? $" ({description})" : string.Empty) +
        " from the user's message. Reply with one JSON object of the arguments and nothing else. The JSON schema of the arguments is:\n" +
        function.Parameters.GetRawText();
}
