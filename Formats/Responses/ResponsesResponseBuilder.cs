using System.Text.Json.Nodes;
using LocalOpenAi.Formats.Tools;

namespace LocalOpenAi.Formats.Responses;

/// <summary>Builds a Response object from the <c>chat.completion</c> that answered a Responses request.</summary>
public static class ResponsesResponseBuilder
{
    /// <summary>The Response object; its <c>output</c> is what the server stores after the conversation.</summary>
    public static JsonObject FromChat(JsonObject chatCompletion, ResponseContext context)
    {
        var choice = chatCompletion["choices"] is JsonArray { Count: > 0 } choices ? choices[0] as JsonObject : null;
        var message = choice?["message"] as JsonObject;
        var (status, incompleteReason) = ResponseObject.FromFinishReason((string?)choice?["finish_reason"]);
        var output = new JsonArray();
        var text = Text(message?["content"]);
        var refusal = Text(message?["refusal"]);
        var calls = message?["tool_calls"] as JsonArray ?? [];
        if (text.Length > 0 || (refusal.Length == 0 && calls.Count == 0))
        {
            output.Add(ResponseObject.MessageItem(
                ResponseItemIds.Output(context.Id, "message", output.Count), ItemStatus(status), ResponseObject.Part(refusal: false, text)));
        }

        if (refusal.Length > 0)
        {
            output.Add(ResponseObject.MessageItem(
                ResponseItemIds.Output(context.Id, "message", output.Count), ItemStatus(status), ResponseObject.Part(refusal: true, refusal)));
        }

        foreach (var call in calls.OfType<JsonObject>())
        {
            output.Add(ResponseObject.FunctionCallItem(
                ResponseItemIds.Output(context.Id, "function_call", output.Count),
                ResponseObject.Completed,
                (string?)call["id"] ?? ToolCallIds.New(),
                (string?)call["function"]?["name"] ?? string.Empty,
                (string?)call["function"]?["arguments"] ?? string.Empty));
        }

        return ResponseObject.Create(
            context, (string?)chatCompletion["model"], status, output, ResponseUsage.FromChat(chatCompletion["usage"]), incompleteReason);
    }

    /// <summary>The output items of a Response object, to store after its input for a follow-up.</summary>
    public static IReadOnlyList<JsonObject> OutputItems(JsonObject response) =>
        response["output"] is JsonArray output ? output.OfType<JsonObject>().Select(item => (JsonObject)item.DeepClone()).ToList() : [];

    /// <summary>The answer to <c>DELETE /v1/responses/{id}</c>.</summary>
    public static JsonObject Deleted(string responseId) => new()
    {
        ["id"] = responseId,
        ["object"] = "response.deleted",
        ["deleted"] = true,
    };

    internal static string ItemStatus(string responseStatus) =>
        responseStatus == ResponseObject.Incomplete ? ResponseObject.Incomplete : ResponseObject.Completed;

    private static string Text(JsonNode? content) => content switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonArray parts => string.Concat(parts.Select(part => (string?)part?["text"])),
        _ => string.Empty,
    };
}
