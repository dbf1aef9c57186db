using LocalOpenAi.Server.Models.Pull;

namespace LocalOpenAi.Tests.Server.Pull;

public sealed class GgufFileSelectorTests
{
    private static readonly string[] Names =
    [
        "README.md", "m-Q8_0.gguf", "m-Q4_0_4_4.gguf", "m-Q4_0.gguf", "m-Q4_K_M.gguf", "m-Q4_K_S.gguf", "mmproj-m-f16.gguf", "../evil-Q2_K.gguf",
    ];

    [Theory]
    [InlineData("Q4_K_M", "m-Q4_K_M.gguf")]
    [InlineData("q4_k_s", "m-Q4_K_S.gguf")]
    [InlineData("Q4_0", "m-Q4_0.gguf")]
    [InlineData("Q4_0_4_4", "m-Q4_0_4_4.gguf")]
    [InlineData("Q8_0", "m-Q8_0.gguf")]
    [InlineData("f16", null)]
    [InlineData("Q2_K", null)]
    public void Picks_the_file_whose_name_holds_the_quant(string quant, string? expected) =>
        Assert.Equal(expected, GgufFileSelector.Select(Names, quant));

    [Fact]
    public void Without_a_quant_prefers_Q4_K_M_then_Q4_0_then_the_first()
    {
        Assert.Equal("m-Q4_K_M.gguf", GgufFileSelector.Select(Names, null));
        Assert.Equal("m-Q4_0.gguf", GgufFileSelector.Select(Names.Where(name => !name.Contains("K_M")), null));
        Assert.Equal("a-F16.gguf", GgufFileSelector.Select(["b-Q8_0.gguf", "a-F16.gguf"], null));
        Assert.Null(GgufFileSelector.Select(["README.md"], null));
    }
}
