namespace LocalOpenAi.Server.Generation;

/// <summary>
/// A request's prompt tokens, as its backend counted them before the first token: a front-end whose stream
/// opens with them (Anthropic's <c>message_start</c>) reads them here, as the chat chunks carry usage only at the end.
/// </summary>
internal static class PromptTokenCount
{
    private static readonly object Key = new();

    public static void Set(HttpContext http, int tokens) => http.Items[Key] = tokens;

    public static int? Get(HttpContext http) => http.Items.TryGetValue(Key, out var tokens) ? (int?)tokens : null;
}
