using System.Text.Json.Nodes;

namespace LocalOpenAi.Formats.Responses;

/// <summary>The answer to <c>GET /v1/responses/{id}/input_items</c>: a cursor page of the input items.</summary>
public static class ResponseItemList
{
    public const int DefaultLimit = 20;

    /// <param name="inputItems">The response's <see cref="ResponsesChatRequest.InputItems"/>.</param>
    /// <param name="after">An item id: the page starts after it, in the listing order.</param>
    /// <param name="ascending">OpenAI lists newest first unless <c>order=asc</c>.</param>
    public static JsonObject Page(string responseId, IReadOnlyList<JsonObject> inputItems, string? after = null, int limit = DefaultLimit, bool ascending = false)
    {
        var ordered = inputItems.Select((item, index) => WithId(responseId, item, index)).ToList();
        if (!ascending)
        {
            ordered.Reverse();
        }

        var start = after is null ? 0 : ordered.FindIndex(item => (string?)item["id"] == after) + 1;
        var page = start == 0 && after is not null ? [] : ordered.Skip(start).Take(limit).ToList();
        return new JsonObject
        {
            ["object"] = "list",
            ["data"] = new JsonArray(page.ToArray<JsonNode>()),
            ["first_id"] = page.Count > 0 ? (string?)page[0]["id"] : null,
            ["last_id"] = page.Count > 0 ? (string?)page[^1]["id"] : null,
            ["has_more"] = start + page.Count < ordered.Count && page.Count > 0,
        };
    }

    private static JsonObject WithId(string responseId, JsonObject item, int index)
    {
        if (item.ContainsKey("id"))
        {
            return (JsonObject)item.DeepClone();
        }

        var withId = new JsonObject { ["id"] = ResponseItemIds.Input(responseId, (string?)item["type"] ?? "message", index) };
        foreach (var (key, value) in item)
        {
            withId[key] = value?.DeepClone();
        }

        return withId;
    }
}
