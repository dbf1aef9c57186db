using System.Text;
using LocalOpenAi.Formats.OpenAi;

namespace LocalOpenAi.Formats.Templates;

/// <summary>
/// The Llama 3.1 Instruct format, byte for byte as Meta's Jinja template renders it: a system
/// header with the knowledge and date lines always present, contents trimmed, each turn closed
/// by <c>&lt;|eot_id|&gt;</c>; tools given in the first user message (<c>tools_in_user_message</c>),
/// a tool call as <c>{"name": ..., "parameters": ...}</c>, tool results under the <c>ipython</c> header.
/// </summary>
/// <param name="dateString">The "Today Date" line; the official default is <see cref="DefaultDate"/>.</param>
public sealed class Llama31ChatTemplate(string dateString = Llama31ChatTemplate.DefaultDate) : ChatTemplate
{
    /// <summary>The date the official template writes when none is given.</summary>
    public const string DefaultDate = "26 Jul 2024";

    /// <inheritdoc />
    public override string Name => "llama3.1";

    /// <summary>The date written on the "Today Date" line.</summary>
    public string DateString { get; } = dateString;

    /// <inheritdoc />
    public override string Render(IReadOnlyList<ChatMessage> messages, IReadOnlyList<ChatTool>? tools, bool addGenerationPrompt)
    {
        var prompt = new StringBuilder("<|begin_of_text|>");
        var rest = messages.ToList();
        var system = string.Empty;
        if (rest.Count > 0 && rest[0].Role == "system")
        {
            system = Trim(rest[0].Content);
            rest.RemoveAt(0);
        }

        var withTools = HasTools(tools);
        prompt.Append("<|start_header_id|>system<|end_header_id|>\n\n");
        if (withTools)
        {
            prompt.Append("Environment: ipython\n");
        }

        prompt.Append("Cutting Knowledge Date: December 2023\n")
            .Append("Today Date: ").Append(DateString).Append("\n\n")
            .Append(system)
            .Append("<|eot_id|>");
        if (withTools)
        {
            if (rest.Count == 0)
            {
                throw new ChatTemplateException("Cannot put tools in the first user message when there's no first user message!");
            }

            prompt.Append("<|start_header_id|>user<|end_header_id|>\n\n")
                .Append("Given the following functions, please respond with a JSON for a function call ")
                .Append("with its proper arguments that best answers the given prompt.\n\n")
                .Append("Respond in the format {\"name\": function name, \"parameters\": dictionary of argument name and its value}.")
                .Append("Do not use variables.\n\n");
            foreach (var tool in tools!)
            {
                prompt.Append(TemplateJson.Serialize(ToolDefinitionJson.ToElement(tool), indent: 4)).Append("\n\n");
            }

            prompt.Append(Trim(rest[0].Content)).Append("<|eot_id|>");
            rest.RemoveAt(0);
        }

        foreach (var message in rest)
        {
            AppendMessage(prompt, message);
        }

        if (addGenerationPrompt)
        {
            prompt.Append("<|start_header_id|>assistant<|end_header_id|>\n\n");
        }

        return prompt.ToString();
    }

    private static void AppendMessage(StringBuilder prompt, ChatMessage message)
    {
        if (HasToolCalls(message))
        {
            if (message.ToolCalls!.Count != 1)
            {
                throw new ChatTemplateException("This model only supports single tool-calls at once!");
            }

            var call = message.ToolCalls[0].Function;
            prompt.Append("<|start_header_id|>assistant<|end_header_id|>\n\n")
                .Append("{\"name\": \"").Append(call.Name).Append("\", ")
                .Append("\"parameters\": ")
                .Append(TemplateJson.Serialize(TemplateJson.ParseArguments(call.Arguments)))
                .Append('}')
                .Append("<|eot_id|>");
        }
        else if (message.Role is "tool" or "ipython")
        {
            // A string is iterable in Jinja, so the official template writes it through tojson.
            prompt.Append("<|start_header_id|>ipython<|end_header_id|>\n\n")
                .Append(message.Content is null ? "None" : TemplateJson.Serialize(message.Content))
                .Append("<|eot_id|>");
        }
        else
        {
            prompt.Append("<|start_header_id|>").Append(message.Role).Append("<|end_header_id|>\n\n")
                .Append(Trim(message.Content))
                .Append("<|eot_id|>");
        }
    }
}
