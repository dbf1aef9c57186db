namespace LocalOpenAi.Server.Generation;

/// <summary>
/// Marks a request whose <c>max_tokens</c> is a ceiling rather than a demand: Anthropic's API requires the field, and
/// its clients ask for more (4,096 to 32,000) than a local slot holds, so a local model answers within the room its
/// context leaves, ending with <c>max_tokens</c> when it fills, as llama-server does. OpenAI's paths keep OpenAI's rule:
/// a prompt plus <c>max_tokens</c> beyond the context is a 400.
/// </summary>
internal static class MaxTokensCeiling
{
    private static readonly object Key = new();

    public static void Set(HttpContext http) => http.Items[Key] = true;

    public static bool IsSet(HttpContext http) => http.Items.ContainsKey(Key);
}
