using System.Text;
using LocalOpenAi.Formats.OpenAi;

namespace LocalOpenAi.Formats.Templates;

/// <summary>
/// ChatML as Qwen 2.5 Instruct's official template writes it: Qwen's default system prompt when
/// none is given, tools listed in the system turn inside <c>&lt;tools&gt;</c>, calls as
/// <c>&lt;tool_call&gt;</c> blocks and consecutive tool results grouped in one user turn.
/// </summary>
public sealed class Qwen25ChatTemplate : ChatTemplate
{
    /// <summary>The system prompt the official template writes when the conversation has none.</summary>
    public const string DefaultSystemPrompt = "You are Qwen, created by Alibaba Cloud. You are a helpful assistant.";

    /// <inheritdoc />
    public override string Name => "qwen2.5";

    /// <inheritdoc />
    public override string Render(IReadOnlyList<ChatMessage> messages, IReadOnlyList<ChatTool>? tools, bool addGenerationPrompt)
    {
        var prompt = new StringBuilder();
        var system = messages.Count > 0 && messages[0].Role == "system" ? messages[0].Content ?? string.Empty : DefaultSystemPrompt;
        prompt.Append("<|im_start|>system\n").Append(system);
        if (HasTools(tools))
        {
            prompt.Append("\n\n# Tools\n\nYou may call one or more functions to assist with the user query.\n\n")
                .Append("You are provided with function signatures within <tools></tools> XML tags:\n<tools>");
            foreach (var tool in tools!)
            {
                prompt.Append('\n').Append(TemplateJson.Serialize(ToolDefinitionJson.ToElement(tool)));
            }

            prompt.Append("\n</tools>\n\nFor each function call, return a json object with function name and arguments within <tool_call></tool_call> XML tags:\n<tool_call>\n{\"name\": <function-name>, \"arguments\": <args-json-object>}\n</tool_call>");
        }

        prompt.Append("<|im_end|>\n");
        for (var i = 0; i < messages.Count; i++)
        {
            AppendMessage(prompt, messages, i);
        }

        if (addGenerationPrompt)
        {
            prompt.Append("<|im_start|>assistant\n");
        }

        return prompt.ToString();
    }

    private static void AppendMessage(StringBuilder prompt, IReadOnlyList<ChatMessage> messages, int index)
    {
        var message = messages[index];
        if (message.Role == "user" || (message.Role == "system" && index > 0) || (message.Role == "assistant" && !HasToolCalls(message)))
        {
            prompt.Append("<|im_start|>").Append(message.Role).Append('\n').Append(message.Content).Append("<|im_end|>\n");
        }
        else if (message.Role == "assistant")
        {
            prompt.Append("<|im_start|>assistant");
            if (!string.IsNullOrEmpty(message.Content))
            {
                prompt.Append('\n').Append(message.Content);
            }

            foreach (var call in message.ToolCalls!)
            {
                prompt.Append("\n<tool_call>\n{\"name\": \"").Append(call.Function.Name)
                    .Append("\", \"arguments\": ")
                    .Append(TemplateJson.Serialize(TemplateJson.ParseArguments(call.Function.Arguments)))
                    .Append("}\n</tool_call>");
            }

            prompt.Append("<|im_end|>\n");
        }
        else if (message.Role == "tool")
        {
            if (index == 0 || messages[index - 1].Role != "tool")
            {
                prompt.Append("<|im_start|>user");
            }

            prompt.Append("\n<tool_response>\n").Append(message.Content).Append("\n</tool_response>");
            if (index == messages.Count - 1 || messages[index + 1].Role != "tool")
            {
                prompt.Append("<|im_end|>\n");
            }
        }
    }
}
