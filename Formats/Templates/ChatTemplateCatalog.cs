namespace LocalOpenAi.Formats.Templates;

/// <summary>
/// Our hand-written renderers, found by configuration name or recognised from a GGUF's
/// <c>tokenizer.chat_template</c> text.
/// </summary>
/// <remarks>
/// Recognition is deliberately conservative: it answers a renderer only for templates whose
/// output that renderer reproduces byte for byte, and null otherwise, so the caller can fall back
/// to llama.cpp's own template engine.
/// </remarks>
public static class ChatTemplateCatalog
{
    private static readonly Dictionary<string, Func<IChatTemplate>> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["llama3.1"] = () => new Llama31ChatTemplate(),
        ["llama3"] = () => new Llama31ChatTemplate(),
        ["chatml"] = () => new ChatMlChatTemplate(),
        ["qwen2.5"] = () => new Qwen25ChatTemplate(),
        ["phi3"] = () => new Phi3ChatTemplate(),
        ["mistral"] = () => new MistralChatTemplate(),
        ["gemma"] = () => new GemmaChatTemplate(),
        ["zephyr"] = () => new ZephyrChatTemplate(),
    };

    /// <summary>The names <see cref="FindByName"/> accepts.</summary>
    public static IReadOnlyCollection<string> Names => ByName.Keys;

    /// <summary>The renderer configured by name (case-insensitive), or null for an unknown name.</summary>
    public static IChatTemplate? FindByName(string name) =>
        ByName.TryGetValue(name.Trim(), out var create) ? create() : null;

    /// <summary>The renderer whose official template this Jinja text is, or null when it is none of ours.</summary>
    public static IChatTemplate? Recognize(string? jinja)
    {
        if (string.IsNullOrWhiteSpace(jinja))
        {
            return null;
        }

        bool Has(string marker) => jinja.Contains(marker, StringComparison.Ordinal);
        return jinja switch
        {
            _ when Has("<|start_header_id|>") && Has("tools_in_user_message") && Has("Cutting Knowledge Date: December 2023")
                && Has("\"26 Jul 2024\"") && !Has("strftime_now") => new Llama31ChatTemplate(),
            _ when Has("<|im_start|>") && Has("You are Qwen, created by Alibaba Cloud. You are a helpful assistant.")
                && Has("<tool_response>") && !Has("<think>") && !Has("<function=") => new Qwen25ChatTemplate(),
            _ when Has("<|im_start|>") && !Has("tool") && !Has("<think>") && !Has("<|im_sep|>") && !Has("system_message")
                && !Has("bos_token") => new ChatMlChatTemplate(),
            _ when Has("<start_of_turn>") && Has("<end_of_turn>") && !Has("tool") => new GemmaChatTemplate(),
            _ when Has("[INST] ") && Has("[AVAILABLE_TOOLS] [") && !Has("[SYSTEM_PROMPT]") => new MistralChatTemplate(),
            _ when Has("<|user|>") && Has("<|end|>") && Has("<|assistant|>") && !Has("tool") && !Has("<|start|>") => new Phi3ChatTemplate(),
            _ when Has("<|user|>") && Has("<|system|>") && Has("eos_token") && !Has("<|end|>") && !Has("tool") => new ZephyrChatTemplate(),
            _ => null,
        };
    }
}
