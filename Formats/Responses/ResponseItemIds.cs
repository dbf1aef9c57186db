namespace LocalOpenAi.Formats.Responses;

/// <summary>
/// Ids of a response's items, derived from the response id and the item's position so that every
/// rendering of a stored response (stream, retrieve, <c>input_items</c>) names its items alike.
/// </summary>
internal static class ResponseItemIds
{
    private const string ResponsePrefix = "resp_";

    public static string Output(string responseId, string itemType, int index) => $"{Prefix(itemType)}_{Suffix(responseId)}_{index}";

    public static string Input(string responseId, string itemType, int index) => $"{Prefix(itemType)}_{Suffix(responseId)}_in{index}";

    private static string Prefix(string itemType) => itemType switch
    {
        "function_call" => "fc",
        "function_call_output" => "fco",
        _ => "msg",
    };

    private static string Suffix(string responseId) =>
        responseId.StartsWith(ResponsePrefix, StringComparison.Ordinal) ? responseId[ResponsePrefix.Length..] : responseId;
}
