using System.Text;
using LocalOpenAi.Formats.OpenAi;

namespace LocalOpenAi.Formats.Templates;

/// <summary>
/// Mistral Instruct v0.3 (the "v3" template): <c>&lt;s&gt;[INST] user[/INST] assistant&lt;/s&gt;</c>,
/// the system message prepended to the last user message, tools in <c>[AVAILABLE_TOOLS]</c> before
/// the last user message, calls as <c>[TOOL_CALLS]</c> and results as <c>[TOOL_RESULTS]</c>
/// (tool call ids must be 9 characters, as the official template demands).
/// </summary>
public sealed class MistralChatTemplate : ChatTemplate
{
    /// <inheritdoc />
    public override string Name => "mistral";

    /// <inheritdoc />
    public override string Render(IReadOnlyList<ChatMessage> messages, IReadOnlyList<ChatTool>? tools, bool addGenerationPrompt)
    {
        string? system = null;
        var turns = messages.ToList();
        if (turns.Count > 0 && turns[0].Role == "system")
        {
            system = turns[0].Content ?? string.Empty;
            turns.RemoveAt(0);
        }

        RequireAlternation(turns.Where(m => !(m.Role is "tool" or "tool_results" || m.ToolCalls is not null)));
        var lastUser = turns.LastOrDefault(m => m.Role == "user");
        var prompt = new StringBuilder("<s>");
        for (var i = 0; i < turns.Count; i++)
        {
            var message = turns[i];
            if (message.Role == "user")
            {
                if (HasTools(tools) && message == lastUser)
                {
                    AppendTools(prompt, tools!);
                }

                prompt.Append("[INST] ")
                    .Append(i == turns.Count - 1 && system is not null ? system + "\n\n" : string.Empty)
                    .Append(message.Content).Append("[/INST]");
            }
            else if (message.ToolCalls is not null)
            {
                AppendCalls(prompt, message.ToolCalls);
            }
            else if (message.Role == "assistant")
            {
                prompt.Append(' ').Append(Trim(message.Content)).Append("</s>");
            }
            else if (message.Role is "tool" or "tool_results")
            {
                prompt.Append("[TOOL_RESULTS] {\"content\": ").Append(message.Content ?? "None").Append(", ")
                    .Append("\"call_id\": \"").Append(RequireId(message.ToolCallId)).Append("\"}[/TOOL_RESULTS]");
            }
            else
            {
                throw new ChatTemplateException("Only user and assistant roles are supported, with the exception of an initial optional system message!");
            }
        }

        return prompt.ToString();
    }

    private static void AppendTools(StringBuilder prompt, IReadOnlyList<ChatTool> tools)
    {
        prompt.Append("[AVAILABLE_TOOLS] [");
        for (var t = 0; t < tools.Count; t++)
        {
            prompt.Append("{\"type\": \"function\", \"function\": {");
            var members = ToolDefinitionJson.FunctionElement(tools[t]).EnumerateObject().Where(p => p.Name != "return").ToList();
            for (var m = 0; m < members.Count; m++)
            {
                var (key, value) = (members[m].Name, members[m].Value);
                prompt.Append('"').Append(key).Append("\": ")
                    .Append(value.ValueKind == System.Text.Json.JsonValueKind.String ? "\"" + value.GetString() + "\"" : TemplateJson.Serialize(value))
                    .Append(m < members.Count - 1 ? ", " : string.Empty);
            }

            prompt.Append("}}").Append(t < tools.Count - 1 ? ", " : "]");
        }

        prompt.Append("[/AVAILABLE_TOOLS]");
    }

    private static void AppendCalls(StringBuilder prompt, IReadOnlyList<ToolCall> calls)
    {
        prompt.Append("[TOOL_CALLS] [");
        for (var c = 0; c < calls.Count; c++)
        {
            var function = TemplateJson.Serialize(ToolDefinitionJson.CallElement(calls[c].Function));
            prompt.Append(function[..^1]).Append(", \"id\": \"").Append(RequireId(calls[c].Id)).Append("\"}")
                .Append(c < calls.Count - 1 ? ", " : "]</s>");
        }
    }

    private static string RequireId(string? id) =>
        id is { Length: 9 } ? id : throw new ChatTemplateException("Tool call IDs should be alphanumeric strings with length 9!");
}
