using System.Text.Json.Nodes;
using LocalOpenAi.Formats.OpenAi;
using LocalOpenAi.Formats.Responses;
using LocalOpenAi.Router.Routing;
using LocalOpenAi.Server.Backends;
using LocalOpenAi.Server.Errors;
using LocalOpenAi.Server.Generation;
using LocalOpenAi.Server.Security;
using LocalOpenAi.Server.Upstream;
using LocalOpenAi.Server.Requests;

namespace LocalOpenAi.Server.Responses;

/// <summary>
/// OpenAI's Responses API as a front-end over the same completion backends as chat completions:
/// <c>POST /v1/responses</c> (streaming or not), and <c>GET</c>/<c>DELETE /v1/responses/{id}</c> and its
/// <c>input_items</c> for stored responses, which only the tenant that created them can see.
/// </summary>
internal static class ResponsesEndpoints
{
    public static IEndpointRouteBuilder MapResponses(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/v1/responses").WithTags("OpenAI");
        group.MapPost("", CreateAsync).WithName("CreateResponse");
        group.MapGet("/{id}", RetrieveAsync).WithName("RetrieveResponse");
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteResponse");
        group.MapGet("/{id}/input_items", InputItemsAsync).WithName("ListResponseInputItems");
        return endpoints;
    }

    private static async Task<IResult> CreateAsync(HttpContext http, ICompletionBackend backend, ModelNameCheck modelCheck, ResponseStore store, TimeProvider time)
    {
        var (body, unreadable) = await JsonBody.ReadObjectAsync(http.Request);
        if (body is null)
        {
            return unreadable!;
        }

        var tenant = ClientIdentity.Get(http).Tenant;
        IReadOnlyList<JsonObject>? previous = null;
        if (body["previous_response_id"] is JsonValue previousId && previousId.TryGetValue<string>(out var previousResponseId))
        {
            if (string.IsNullOrWhiteSpace(previousResponseId))
            {
                return OpenAiError.BadRequest("'previous_response_id' must be the id of an earlier response, not empty.", "previous_response_id");
            }

            if (await store.FindAsync(tenant, previousResponseId, http.RequestAborted) is not { } stored)
            {
                return NotFound(previousResponseId, "previous_response_id");
            }

            previous = stored.Conversation;
        }

        var translation = ResponsesRequestTranslator.ToChat(body, previous, await ReferencedItemsAsync(body, tenant, store, http.RequestAborted));
        if (!translation.IsSuccess)
        {
            return new ErrorResult(StatusCodes.Status400BadRequest, translation.Error!.ToErrorResponse(), RetryAfterSeconds: null);
        }

        var chat = translation.Request!.Chat;
        var (request, invalid) = JsonBody.Parse(chat, OpenAiJson.Default.ChatCompletionRequest);
        if ((invalid ?? ChatRequestValidator.Validate(request!) ?? modelCheck.Check(request!.Model)) is { } rejected)
        {
            return InResponsesTerms(rejected);
        }

        var context = ResponseContext.FromRequest("resp_" + RequestIdMiddleware.Get(http), time.GetUtcNow().ToUnixTimeSeconds(), body);
        var route = RouteRequest.FromChat(request!, http.Request.Headers["X-Agent-Name"], http.Request.Headers["X-Route-Prefer"]);
        var call = new CompletionCall(http, UpstreamEndpoint.ChatCompletions, chat, request!, request!.Model, request.Stream == true, route);
        var dialect = new ResponsesDialect(context, translation.Request, store, tenant);
        return new OutcomeResult(backend.CompleteAsync(call, http.RequestAborted), call.Stream, dialect);
    }

    /// <summary>The stored items that <c>item_reference</c> inputs name (the Vercel AI SDK sends earlier answers so), from this tenant's responses.</summary>
    private static async Task<Dictionary<string, JsonObject>> ReferencedItemsAsync(JsonObject body, string tenant, ResponseStore store, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var itemId in ResponsesRequestTranslator.ItemReferences(body))
        {
            if (ResponseItemIds.ResponseIdOf(itemId) is { } responseId && await store.FindAsync(tenant, responseId, cancellationToken) is { } stored
                && stored.Conversation.FirstOrDefault(item => item["id"] is JsonValue id && id.TryGetValue<string>(out var value) && value == itemId) is { } item)
            {
                found[itemId] = item;
            }
        }

        return found;
    }

    private static async Task<IResult> RetrieveAsync(string id, HttpContext http, ResponseStore store) =>
        await store.FindAsync(ClientIdentity.Get(http).Tenant, id, http.RequestAborted) is { } stored
            ? TypedResults.Text(stored.Response.ToJsonString(), "application/json")
            : NotFound(id, "id");

    private static async Task<IResult> DeleteAsync(string id, HttpContext http, ResponseStore store)
    {
        var tenant = ClientIdentity.Get(http).Tenant;
        if (await store.FindAsync(tenant, id, http.RequestAborted) is null)
        {
            return NotFound(id, "id");
        }

        await store.DeleteAsync(tenant, id, http.RequestAborted);
        return TypedResults.Text(ResponsesResponseBuilder.Deleted(id).ToJsonString(), "application/json");
    }

    private static async Task<IResult> InputItemsAsync(string id, HttpContext http, ResponseStore store, string? after, int? limit, string? order)
    {
        if (limit is < 1 or > 100)
        {
            return OpenAiError.BadRequest("'limit' must be between 1 and 100.", "limit");
        }

        if (order is not (null or "asc" or "desc"))
        {
            return OpenAiError.BadRequest("'order' must be 'asc' or 'desc'.", "order");
        }

        if (await store.FindAsync(ClientIdentity.Get(http).Tenant, id, http.RequestAborted) is not { } stored)
        {
            return NotFound(id, "id");
        }

        var page = ResponseItemList.Page(id, stored.InputItems, after, limit ?? ResponseItemList.DefaultLimit, ascending: order == "asc");
        return TypedResults.Text(page.ToJsonString(), "application/json");
    }

    /// <summary>A check of the translated chat request names its fields as the client sent them: <c>max_output_tokens</c>, <c>input</c>.</summary>
    private static ErrorResult InResponsesTerms(ErrorResult error) => error.Body.Error.Param switch
    {
        "max_tokens" or "max_completion_tokens" => error with { Body = error.Body with { Error = error.Body.Error with { Param = "max_output_tokens" } } },
        { } param when param.StartsWith("messages", StringComparison.Ordinal) => error with { Body = error.Body with { Error = error.Body.Error with { Param = "input" } } },
        _ => error,
    };

    private static ErrorResult NotFound(string id, string param) =>
        OpenAiError.Create(StatusCodes.Status404NotFound, $"Response with id '{id}' not found.", "invalid_request_error", param, "not_found");
}
