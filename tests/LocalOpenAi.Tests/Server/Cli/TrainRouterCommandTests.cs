using LocalOpenAi.Router.Classification;
using LocalOpenAi.Server.Cli;

namespace LocalOpenAi.Tests.Server.Cli;

public sealed class TrainRouterCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("train-router-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_small_corpus_trains_into_a_model_file_with_figures_printed()
    {
        string[] simple = ["hi", "What's the status of order 5?", "Classify: 'great service'", "thanks!"];
        string[] moderate = ["Summarise this email for my boss: we are late.", "Explain what a chargeback is.", "Draft a short reply to a customer.", "What are the pros and cons of leasing?"];
        string[] complex = ["Prove that sqrt 2 is irrational.", "Write a Python function that merges intervals.", "Plan a 10-week migration with risks.", "Design a URL shortener for 1M users."];
        var lines = simple.Select(p => (p, "simple")).Concat(moderate.Select(p => (p, "moderate"))).Concat(complex.Select(p => (p, "complex")))
            .Select((item, i) => $$"""{"prompt": "{{item.p}}", "label": "{{item.Item2}}", "split": "{{(i % 4 == 3 ? "test" : "train")}}"}""");
        File.WriteAllLines(Path.Combine(_folder, "corpus.jsonl"), lines);
        var modelPath = Path.Combine(_folder, "model.json");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await ServerCommandLine.InvokeAsync([TrainRouterCommand.Name, "--corpus", _folder, "--out", modelPath, "--folds", "2", "--iterations", "30", "--buckets", "256"], output, error);

        Assert.Equal(0, exit);
        Assert.Contains("corpus: 9 train, 3 frozen test", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("cross-validation", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("length baseline, frozen test", output.ToString(), StringComparison.Ordinal);
        var model = ComplexityModel.Load(modelPath);
        Assert.Equal(256, model.HashBuckets);
        Assert.Equal(9, model.Training.Samples);
    }

    [Fact]
    public async Task Help_lists_every_option_with_its_default()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(0, await ServerCommandLine.InvokeAsync([TrainRouterCommand.Name, "--help"], output, error));
        var help = output.ToString();
        foreach (var expected in new[] { "--corpus", "--out", "--l2", "0.0001", "--iterations", "300", "--folds", "5", "--buckets", "65536", "--target-recall", "0.93" })
        {
            Assert.Contains(expected, help, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("--corpus")]
    [InlineData("--corpus", "x", "--out", "y", "--l2", "-1")]
    [InlineData("--corpus", "x", "--out", "y", "--colour", "blue")]
    public async Task Bad_arguments_are_a_usage_error_naming_the_fix(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(ServerCommandLine.UsageError, await ServerCommandLine.InvokeAsync([TrainRouterCommand.Name, .. args], output, error));
        Assert.Contains("train-router --help", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_line_without_a_split_is_a_clear_error()
    {
        File.WriteAllText(Path.Combine(_folder, "corpus.jsonl"), """{"prompt": "hi", "label": "simple"}""");
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(ServerCommandLine.UsageError, await ServerCommandLine.InvokeAsync([TrainRouterCommand.Name, "--corpus", _folder, "--out", Path.Combine(_folder, "m.json")], output, error));
        Assert.Contains("split must be train or test", error.ToString(), StringComparison.Ordinal);
    }
}
