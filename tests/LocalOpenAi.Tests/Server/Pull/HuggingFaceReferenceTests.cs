using LocalOpenAi.Server.Models.Pull;

namespace LocalOpenAi.Tests.Server.Pull;

public sealed class HuggingFaceReferenceTests
{
    [Theory]
    [InlineData("hf:bartowski/Llama-3.2-1B-Instruct-GGUF:Q4_K_M", "bartowski", "Llama-3.2-1B-Instruct-GGUF", "Q4_K_M")]
    [InlineData("hf:owner/repo", "owner", "repo", null)]
    [InlineData("HF:o.w-n_er/r.e.p.o:q8_0", "o.w-n_er", "r.e.p.o", "q8_0")]
    public void Parses_well_formed_references(string text, string owner, string repository, string? quant)
    {
        Assert.True(HuggingFaceReference.TryParse(text, out var reference));
        Assert.Equal(new HuggingFaceReference(owner, repository, quant), reference);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("model.gguf")]
    [InlineData("synthetic:tiny")]
    [InlineData("hf:")]
    [InlineData("hf:owner")]
    [InlineData("hf:owner/")]
    [InlineData("hf:a/b/c")]
    [InlineData("hf:../repo")]
    [InlineData("hf:owner/..")]
    [InlineData("hf:owner/repo:")]
    [InlineData("hf:owner/repo:Q4/../x")]
    [InlineData("hf:own er/repo")]
    public void Rejects_anything_else(string? text) => Assert.False(HuggingFaceReference.TryParse(text, out _));

    [Fact]
    public void Prints_back_as_written() =>
        Assert.Equal("hf:a/b:Q4_0", new HuggingFaceReference("a", "b", "Q4_0").ToString());
}
