using System.Text.Json.Nodes;

namespace LocalOpenAi.Server.Responses;

/// <summary>
/// A Response kept for <c>GET /v1/responses/{id}</c>, its <c>input_items</c>, and follow-ups naming it in
/// <c>previous_response_id</c>: the Response object, this request's input items, and the whole conversation
/// up to and including its output.
/// </summary>
internal sealed record StoredResponse(JsonObject Response, IReadOnlyList<JsonObject> InputItems, IReadOnlyList<JsonObject> Conversation)
{
    public byte[] Serialize() => System.Text.Encoding.UTF8.GetBytes(new JsonObject
    {
        ["response"] = Response.DeepClone(),
        ["input_items"] = new JsonArray([.. InputItems.Select(item => item.DeepClone())]),
        ["conversation"] = new JsonArray([.. Conversation.Select(item => item.DeepClone())]),
    }.ToJsonString());

    /// <summary>Null for a deleted response (its tombstone) or for anything that is not a stored response.</summary>
    public static StoredResponse? Deserialize(ReadOnlySpan<byte> bytes) =>
        JsonNode.Parse(bytes) is JsonObject { } stored && stored["response"] is JsonObject response
            && stored["input_items"] is JsonArray inputs && stored["conversation"] is JsonArray conversation
            ? new StoredResponse(response, Objects(inputs), Objects(conversation))
            : null;

    private static List<JsonObject> Objects(JsonArray items) => [.. items.OfType<JsonObject>().Select(item => (JsonObject)item.DeepClone())];
}
