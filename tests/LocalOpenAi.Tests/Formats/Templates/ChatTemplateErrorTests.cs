using LocalOpenAi.Formats.OpenAi;
using LocalOpenAi.Formats.Templates;

namespace LocalOpenAi.Tests.Formats.Templates;

public sealed class ChatTemplateErrorTests
{
    private static readonly ChatTool Tool = new() { Function = new FunctionDefinition { Name = "f" } };

    private static ToolCall Call(string id) => new() { Id = id, Function = new FunctionCall { Name = "f", Arguments = "{}" } };

    [Fact]
    public void Llama_3_1_rejects_parallel_tool_calls()
    {
        ChatMessage[] messages = [new() { Role = "user", Content = "x" }, new() { Role = "assistant", ToolCalls = [Call("a"), Call("b")] }];

        Assert.Throws<ChatTemplateException>(() => new Llama31ChatTemplate().Render(messages, [Tool], true));
    }

    [Fact]
    public void Llama_3_1_needs_a_user_message_to_carry_the_tools() =>
        Assert.Throws<ChatTemplateException>(() => new Llama31ChatTemplate().Render([new() { Role = "system", Content = "s" }], [Tool], true));

    [Fact]
    public void Llama_3_1_writes_the_configured_date()
    {
        var prompt = new Llama31ChatTemplate("01 Jan 2025").Render([new() { Role = "user", Content = "hi" }], true);

        Assert.Contains("Today Date: 01 Jan 2025\n\n", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public void Mistral_requires_nine_character_tool_call_ids()
    {
        ChatMessage[] messages = [new() { Role = "user", Content = "x" }, new() { Role = "assistant", ToolCalls = [Call("short")] }];

        Assert.Throws<ChatTemplateException>(() => new MistralChatTemplate().Render(messages, [Tool], true));
    }

    [Theory]
    [InlineData("mistral")]
    [InlineData("gemma")]
    public void Alternation_is_enforced(string family)
    {
        ChatMessage[] messages = [new() { Role = "user", Content = "a" }, new() { Role = "user", Content = "b" }];

        Assert.Throws<ChatTemplateException>(() => ChatTemplateCatalog.FindByName(family)!.Render(messages, true));
    }

    [Theory]
    [InlineData("chatml")]
    [InlineData("phi3")]
    [InlineData("gemma")]
    [InlineData("zephyr")]
    public void Families_without_tool_support_refuse_tools(string family) =>
        Assert.Throws<ChatTemplateException>(() => ChatTemplateCatalog.FindByName(family)!.Render([new() { Role = "user", Content = "a" }], [Tool], true));
}
