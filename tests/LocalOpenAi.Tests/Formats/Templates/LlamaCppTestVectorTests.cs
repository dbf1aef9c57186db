using LocalOpenAi.Formats.OpenAi;
using LocalOpenAi.Formats.Templates;

namespace LocalOpenAi.Tests.Formats.Templates;

/// <summary>The conversation and expected Jinja renderings from llama.cpp's <c>tests/test-chat-template.cpp</c> (BOS written there as empty).</summary>
public sealed class LlamaCppTestVectorTests
{
    private static readonly ChatMessage[] Conversation =
    [
        new() { Role = "system", Content = "You are a helpful assistant" },
        new() { Role = "user", Content = "Hello" },
        new() { Role = "assistant", Content = "Hi there" },
        new() { Role = "user", Content = "Who are you" },
        new() { Role = "assistant", Content = "   I am an assistant   " },
        new() { Role = "user", Content = "Another question" },
    ];

    [Theory]
    [InlineData("chatml", "", "<|im_start|>system\nYou are a helpful assistant<|im_end|>\n<|im_start|>user\nHello<|im_end|>\n<|im_start|>assistant\nHi there<|im_end|>\n<|im_start|>user\nWho are you<|im_end|>\n<|im_start|>assistant\n   I am an assistant   <|im_end|>\n<|im_start|>user\nAnother question<|im_end|>\n<|im_start|>assistant\n")]
    [InlineData("phi3", "", "<|system|>\nYou are a helpful assistant<|end|>\n<|user|>\nHello<|end|>\n<|assistant|>\nHi there<|end|>\n<|user|>\nWho are you<|end|>\n<|assistant|>\n   I am an assistant   <|end|>\n<|user|>\nAnother question<|end|>\n<|assistant|>\n")]
    [InlineData("gemma", "<bos>", "<start_of_turn>user\nYou are a helpful assistant\n\nHello<end_of_turn>\n<start_of_turn>model\nHi there<end_of_turn>\n<start_of_turn>user\nWho are you<end_of_turn>\n<start_of_turn>model\nI am an assistant<end_of_turn>\n<start_of_turn>user\nAnother question<end_of_turn>\n<start_of_turn>model\n")]
    [InlineData("mistral", "<s>", "[INST] Hello[/INST] Hi there</s>[INST] Who are you[/INST] I am an assistant</s>[INST] You are a helpful assistant\n\nAnother question[/INST]")]
    public void Matches_llama_cpp_expected_output(string family, string bos, string expected) =>
        Assert.Equal(bos + expected, ChatTemplateCatalog.FindByName(family)!.Render(Conversation, addGenerationPrompt: true));

    [Fact]
    public void Llama_3_1_matches_the_llama_3_vector_after_its_system_header()
    {
        var prompt = new Llama31ChatTemplate().Render(Conversation, addGenerationPrompt: true);

        Assert.EndsWith(
            "You are a helpful assistant<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nHello<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\nHi there<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nWho are you<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\nI am an assistant<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nAnother question<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n",
            prompt,
            StringComparison.Ordinal);
    }
}
