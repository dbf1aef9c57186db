using LocalOpenAi.Formats.Templates;

namespace LocalOpenAi.Engine.Templates;

/// <summary>Chooses a model's prompt format: a configured name, else the GGUF's template recognised, else llama.cpp's renderer.</summary>
public static class ChatTemplateSelection
{
    /// <exception cref="ModelLoadException">The configured name is unknown.</exception>
    public static IChatTemplate Select(LlamaModel model, string? configuredName)
    {
        if (!string.IsNullOrEmpty(configuredName))
        {
            return ChatTemplateCatalog.FindByName(configuredName)
                ?? throw new ModelLoadException($"Unknown chat template '{configuredName}'; known: {string.Join(", ", ChatTemplateCatalog.Names)}.");
        }

        return ChatTemplateCatalog.Recognize(model.ChatTemplate)
            ?? new LlamaCppChatTemplate(model.ChatTemplate ?? "chatml", model.Detokenize([model.BeginOfSequenceToken]));
    }
}
