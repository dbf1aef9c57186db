using LocalOpenAi.Engine;
using LocalOpenAi.Formats.Gguf;
using LocalOpenAi.Server.Cli;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server.Cli;

public sealed class MakeModelCommandTests
{
    [Fact]
    public async Task Lora_rank_writes_an_adapter_that_loads_onto_the_presets_model()
    {
        var path = TestModels.NewPath();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await ServerCommandLine.InvokeAsync([MakeModelCommand.Name, "--preset", "tiny", "--lora-rank", "4", "--out", path], output, error);

        Assert.Equal(0, exit);
        Assert.Contains("LoRA adapter for preset Tiny, rank 4, alpha 4", output.ToString());
        using (var stream = File.OpenRead(path))
        {
            var header = GgufReader.Read(stream);
            Assert.Equal(4f, header.GetFloat32(GgufKeys.LoraAlpha));
            Assert.Equal([128UL, 4UL], header.FindTensor("blk.0.attn_q.weight.lora_a")!.Dimensions);
        }

        using var model = LlamaModel.Load(TestModels.TinyPath);
        using var adapter = LoraAdapter.Load(model, path);
        Assert.Equal(path, adapter.Path);
    }

    [Fact]
    public async Task Lora_alpha_is_written_as_given()
    {
        var path = TestModels.NewPath();

        var exit = await ServerCommandLine.InvokeAsync([MakeModelCommand.Name, "--lora-rank", "2", "--lora-alpha", "0.5", "--out", path], TextWriter.Null, TextWriter.Null);

        Assert.Equal(0, exit);
        using var stream = File.OpenRead(path);
        Assert.Equal(0.5f, GgufReader.Read(stream).GetFloat32(GgufKeys.LoraAlpha));
    }

    [Theory]
    [InlineData("0", "8")]
    [InlineData("four", "8")]
    [InlineData("4", "0")]
    [InlineData("4", "-1")]
    [InlineData("4", "x")]
    public async Task A_bad_rank_or_alpha_prints_the_usage(string rank, string alpha)
    {
        var path = TestModels.NewPath();
        using var error = new StringWriter();

        var exit = await ServerCommandLine.InvokeAsync([MakeModelCommand.Name, "--lora-rank", rank, "--lora-alpha", alpha, "--out", path], TextWriter.Null, error);

        Assert.Equal(2, exit);
        Assert.Contains("make-model --help", error.ToString());
        Assert.False(File.Exists(path));
    }
}
