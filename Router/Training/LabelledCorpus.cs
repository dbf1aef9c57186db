using LocalOpenAi.Router.Calibration;

namespace LocalOpenAi.Router.Training;

/// <summary>A labelled corpus split into the requests a model may learn from and the frozen test split it never sees.</summary>
/// <param name="Train">Requests marked <c>train</c>.</param>
/// <param name="Test">Requests marked <c>test</c>: never used to fit weights or choose thresholds.</param>
public sealed record LabelledCorpus(IReadOnlyList<TrafficSample> Train, IReadOnlyList<TrafficSample> Test)
{
    /// <summary>Reads every <c>*.jsonl</c> file under a folder, in ordinal path order; each line needs a label and a split.</summary>
    /// <exception cref="FormatException">A line is not a sample, or lacks its label or split.</exception>
    public static LabelledCorpus Read(string directory)
    {
        var train = new List<TrafficSample>();
        var test = new List<TrafficSample>();
        var files = Directory.GetFiles(directory, "*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var sample in TrafficSampleReader.ReadFile(file))
            {
                var list = sample switch
                {
                    { Label: null } => throw new FormatException($"{file}, line {sample.Line}: no label."),
                    { Split: "train" } => train,
                    { Split: "test" } => test,
                    _ => throw new FormatException($"{file}, line {sample.Line}: split must be train or test."),
                };
                list.Add(sample with { Group = sample.Group ?? $"{Path.GetFileName(file)}:{sample.Line}" });
            }
        }

        return new LabelledCorpus(train, test);
    }
}
