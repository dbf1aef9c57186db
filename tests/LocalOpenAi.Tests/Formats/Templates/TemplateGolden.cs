using System.Text.Json;
using LocalOpenAi.Formats.OpenAi;

namespace LocalOpenAi.Tests.Formats.Templates;

/// <summary>
/// The golden inputs and outputs in <c>Golden/</c>: conversations in OpenAI wire form and the text
/// Jinja2 (configured as Hugging Face transformers does, see <c>Golden/generate.py</c>) renders for them.
/// </summary>
internal static class TemplateGolden
{
    private static readonly JsonSerializerOptions Wire = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Formats", "Templates", "Golden");

    public static (IReadOnlyList<ChatMessage> Messages, IReadOnlyList<ChatTool>? Tools) Conversation(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "conversations.json")));
        var request = document.RootElement.GetProperty(name).Deserialize<ChatCompletionRequest>(Wire)!;
        return (request.Messages!, request.Tools);
    }

    public static string Expected(string template, string conversation, bool addGenerationPrompt) =>
        File.ReadAllText(Path.Combine(Folder, "expected", $"{template}.{conversation}.{(addGenerationPrompt ? "gp" : "nogp")}.txt"));

    public static string Jinja(string file) => File.ReadAllText(Path.Combine(Folder, file));
}
