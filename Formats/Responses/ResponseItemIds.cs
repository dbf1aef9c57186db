namespace LocalOpenAi.Formats.Responses;

/// <summary>
/// Ids of a response's items, derived from the response id and the item's position so that every
/// rendering of a stored response (stream, retrieve, <c>input_items</c>) names its items alike,
/// and an item id leads back to the response that holds it.
/// </summary>
public static class ResponseItemIds
{
    private const string ResponsePrefix = "resp_";

    /// <summary>The id of the stored response that holds an item this server named; null for other ids.</summary>
    public static string? ResponseIdOf(string itemId)
    {
        var first = itemId.IndexOf('_', StringComparison.Ordinal);
        var last = itemId.LastIndexOf('_');
        return first > 0 && last > first + 1 && itemId[..first] is "msg" or "fc" or "fco"
            ? ResponsePrefix + itemId[(first + 1)..last]
            : null;
    }

    internal static string Output(string responseId, string itemType, int index) => $"{Prefix(itemType)}_{Suffix(responseId)}_{index}";

    internal static string Input(string responseId, string itemType, int index) => $"{Prefix(itemType)}_{Suffix(responseId)}_in{index}";

    private static string Prefix(string itemType) => itemType switch
    {
        "function_call" => "fc",
        "function_call_output" => "fco",
        _ => "msg",
    };

    private static string Suffix(string responseId) =>
        responseId.StartsWith(ResponsePrefix, StringComparison.Ordinal) ? responseId[ResponsePrefix.Length..] : responseId;
}
