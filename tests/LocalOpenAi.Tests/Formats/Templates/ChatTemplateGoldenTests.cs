using LocalOpenAi.Formats.Templates;

namespace LocalOpenAi.Tests.Formats.Templates;

public sealed class ChatTemplateGoldenTests
{
    public static TheoryData<string, string, bool> Cases()
    {
        var data = new TheoryData<string, string, bool>();
        var families = new Dictionary<string, string[]>
        {
            ["llama3.1"] = ["basic", "nosystem", "tools", "toolsfirstturn"],
            ["qwen2.5"] = ["basic", "nosystem", "tools", "toolsfirstturn"],
            ["mistral"] = ["basic", "nosystem", "tools", "toolsfirstturn"],
            ["chatml"] = ["basic", "nosystem"],
            ["phi3"] = ["basic", "nosystem"],
            ["gemma"] = ["nosystem"],
            ["zephyr"] = ["basic", "nosystem"],
        };
        foreach (var (family, conversations) in families)
        {
            foreach (var conversation in conversations)
            {
                data.Add(family, conversation, true);
                data.Add(family, conversation, false);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Renders_byte_for_byte_as_the_official_jinja_template(string family, string conversation, bool addGenerationPrompt)
    {
        var template = ChatTemplateCatalog.FindByName(family)!;
        var (messages, tools) = TemplateGolden.Conversation(conversation);

        var prompt = template.Render(messages, tools, addGenerationPrompt);

        Assert.Equal(TemplateGolden.Expected(family, conversation, addGenerationPrompt), prompt);
    }

    [Fact]
    public void The_tool_less_overload_renders_as_with_no_tools()
    {
        var (messages, _) = TemplateGolden.Conversation("basic");
        IChatTemplate template = new Llama31ChatTemplate();

        Assert.Equal(template.Render(messages, null, true), template.Render(messages, addGenerationPrompt: true));
    }
}
