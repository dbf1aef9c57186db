using LocalOpenAi.Engine;
using LocalOpenAi.Server.Models.Loading;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server.Models;

public sealed class ModelDescriptionTests
{
    [Fact]
    public void A_synthetic_model_is_described_with_its_parameter_count_instead_of_a_question_mark()
    {
        using var model = LlamaModel.Load(TestModels.TinyPath);

        var description = ModelDescription.Of(model);

        Assert.DoesNotContain("?", description);
        Assert.Contains(ModelDescription.Parameters(model.ParameterCount), description);
    }

    [Theory]
    [InlineData(1_235_814_400L, "1.2B")]
    [InlineData(3_400_000L, "3.4M")]
    [InlineData(56_000L, "56K")]
    public void Parameter_counts_read_as_llama_cpp_writes_them(long count, string expected) =>
        Assert.Equal(expected, ModelDescription.Parameters(count));
}
