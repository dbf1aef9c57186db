using LocalOpenAi.Formats.Gguf;
using LocalOpenAi.Formats.Templates;

namespace LocalOpenAi.Tests.Formats.Templates;

public sealed class ChatTemplateCatalogTests
{
    [Theory]
    [InlineData("meta-llama-Llama-3.1-8B-Instruct.jinja", "llama3.1")]
    [InlineData("Qwen-Qwen2.5-7B-Instruct.jinja", "qwen2.5")]
    [InlineData("teknium-OpenHermes-2.5-Mistral-7B.jinja", "chatml")]
    [InlineData("microsoft-Phi-3.5-mini-instruct.jinja", "phi3")]
    [InlineData("google-gemma-2-2b-it.jinja", "gemma")]
    [InlineData("mistralai-Mistral-7B-Instruct-v0.3.jinja", "mistral")]
    [InlineData("TinyLlama-1.1B-Chat-v1.0.jinja", "zephyr")]
    public void Recognizes_the_official_templates_of_our_families(string file, string family) =>
        Assert.Equal(family, ChatTemplateCatalog.Recognize(TemplateGolden.Jinja(file))?.Name);

    [Theory]
    [InlineData("meta-llama-Llama-3.2-3B-Instruct.jinja")]
    [InlineData("Qwen-Qwen3-0.6B.jinja")]
    [InlineData("mistralai-Mistral-Nemo-Instruct-2407.jinja")]
    [InlineData("NousResearch-Hermes-2-Pro-Llama-3-8B-tool_use.jinja")]
    public void Leaves_look_alike_templates_it_cannot_reproduce_exactly_to_llama_cpp(string file) =>
        Assert.Null(ChatTemplateCatalog.Recognize(TemplateGolden.Jinja(file)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("{{ messages }}")]
    public void Unknown_text_is_not_recognized(string? jinja) => Assert.Null(ChatTemplateCatalog.Recognize(jinja));

    [Fact]
    public void The_synthetic_models_template_is_llama_3_1() =>
        Assert.IsType<Llama31ChatTemplate>(ChatTemplateCatalog.Recognize(Llama31JinjaTemplate.Jinja));

    [Theory]
    [InlineData("llama3.1", typeof(Llama31ChatTemplate))]
    [InlineData("ChatML", typeof(ChatMlChatTemplate))]
    [InlineData("qwen2.5", typeof(Qwen25ChatTemplate))]
    [InlineData("phi3", typeof(Phi3ChatTemplate))]
    [InlineData("mistral", typeof(MistralChatTemplate))]
    [InlineData("gemma", typeof(GemmaChatTemplate))]
    [InlineData("zephyr", typeof(ZephyrChatTemplate))]
    public void Finds_templates_by_configuration_name(string name, Type type) =>
        Assert.IsType(type, ChatTemplateCatalog.FindByName(name));

    [Fact]
    public void An_unknown_name_finds_nothing() => Assert.Null(ChatTemplateCatalog.FindByName("vicuna"));
}
