using LocalOpenAi.Engine;
using LocalOpenAi.Formats.Gguf;
using LocalOpenAi.Formats.Gguf.Synthetic;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Engine;

public sealed class ModelLoadTests
{
    [Theory]
    [InlineData(SyntheticModelPreset.Tiny, GgufQuantization.Q8_0)]
    [InlineData(SyntheticModelPreset.Tiny, GgufQuantization.Q4_0)]
    [InlineData(SyntheticModelPreset.Tiny, GgufQuantization.F16)]
    [InlineData(SyntheticModelPreset.Small, GgufQuantization.Q8_0)]
    [InlineData(SyntheticModelPreset.Llama1B, GgufQuantization.Q4_0)]
    public void Llama_cpp_loads_each_preset_with_the_shape_it_was_written_with(SyntheticModelPreset preset, GgufQuantization quantization)
    {
        var shape = SyntheticModelShape.For(preset);

        using var model = LlamaModel.Load(TestModels.Get(preset, quantization));

        Assert.Equal("llama", model.Architecture);
        Assert.Equal(shape.VocabularySize, model.VocabularySize);
        Assert.Equal(shape.EmbeddingLength, model.EmbeddingSize);
        Assert.Equal(shape.ContextLength, model.TrainingContextSize);
        Assert.Contains("<|start_header_id|>", model.ChatTemplate);
    }

    [Fact]
    public void A_missing_file_is_a_clear_error()
    {
        var exception = Assert.Throws<ModelLoadException>(() => LlamaModel.Load("/nonexistent/model.gguf"));

        Assert.Contains("does not exist", exception.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_gguf_is_a_clear_error()
    {
        var path = TestModels.NewPath();
        File.WriteAllText(path, "this is a text file, not a model");

        var exception = Assert.Throws<ModelLoadException>(() => LlamaModel.Load(path));

        Assert.Contains("not a GGUF", exception.Message);
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(0.5)]
    [InlineData(0.99)]
    public void A_truncated_gguf_is_a_clear_error(double keptFraction)
    {
        var complete = File.ReadAllBytes(TestModels.TinyPath);
        var path = TestModels.NewPath();
        File.WriteAllBytes(path, complete[..(int)(complete.Length * keptFraction)]);

        var exception = Assert.Throws<ModelLoadException>(() => LlamaModel.Load(path));

        Assert.Contains("truncated", exception.Message);
    }
}
