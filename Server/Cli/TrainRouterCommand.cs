using System.Globalization;
using LocalOpenAi.Router.Classification;
using LocalOpenAi.Router.Training;

namespace LocalOpenAi.Server.Cli;

/// <summary>
/// <c>train-router --corpus DIR --out FILE</c>: fits the complexity classifier on the corpus's train split,
/// prints cross-validation, frozen-test and baseline figures, and writes the model file.
/// </summary>
public static class TrainRouterCommand
{
    public const string Name = "train-router";

    private static readonly TrainerOptions Defaults = new();

    private static readonly string Usage = FormattableString.Invariant(
        $"usage: train-router --corpus DIR --out FILE.json [--l2 {Defaults.L2}] [--iterations {Defaults.Iterations}] [--folds {Defaults.Folds}] [--buckets {Defaults.HashBuckets}] [--target-recall {Defaults.TargetComplexRecall}]");

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args is ["--help"])
        {
            output.WriteLine(Usage);
            return 0;
        }

        var options = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i]] = args[i + 1];
        }

        if (args.Length % 2 != 0
            || !options.TryGetValue("--corpus", out var corpusPath)
            || !options.TryGetValue("--out", out var outPath)
            || !TryRead(options, "--l2", Defaults.L2, out var l2) || !(l2 >= 0)
            || !TryRead(options, "--iterations", Defaults.Iterations, out var iterations) || iterations < 1
            || !TryRead(options, "--folds", Defaults.Folds, out var folds) || folds < 2
            || !TryRead(options, "--buckets", Defaults.HashBuckets, out var buckets) || buckets < 1
            || !TryRead(options, "--target-recall", Defaults.TargetComplexRecall, out var recall) || recall is < 0 or > 1
            || options.Keys.Except(["--corpus", "--out", "--l2", "--iterations", "--folds", "--buckets", "--target-recall"]).Any())
        {
            error.WriteLine(Usage);
            return 2;
        }

        LabelledCorpus corpus;
        try
        {
            corpus = LabelledCorpus.Read(corpusPath);
        }
        catch (Exception exception) when (exception is FormatException or IOException)
        {
            error.WriteLine($"error: {exception.Message}");
            return 2;
        }

        var trainer = new TrainerOptions(buckets, l2, iterations, Defaults.LearningRate, folds, recall);
        var outOfFold = ComplexityTrainer.CrossValidate(corpus.Train, trainer);
        var model = ComplexityTrainer.Train(corpus.Train, trainer, outOfFold);
        using (var file = File.Create(outPath))
        {
            model.Save(file);
        }

        var classifier = new ComplexityClassifier(new ClassifierOptions(), model);
        var cv = new ConfusionMatrix();
        for (var i = 0; i < corpus.Train.Count; i++)
        {
            cv.Add(corpus.Train[i].Label!.Value, model.Thresholds.Classify(outOfFold[i].Complex, outOfFold[i].NotSimple));
        }

        var baseline = LengthBaseline.Fit(corpus.Train);
        output.WriteLine(FormattableString.Invariant($"corpus: {corpus.Train.Count} train, {corpus.Test.Count} frozen test; thresholds {model.Thresholds.Moderate}/{model.Thresholds.Complex}"));
        output.WriteLine($"model, {folds}-fold cross-validation on train: {cv.Describe()}");
        output.WriteLine($"model, train split (fitted on it):   {ComplexityTrainer.Evaluate(corpus.Train, input => classifier.Classify(input).Complexity).Describe()}");
        output.WriteLine($"model, frozen test:                   {ComplexityTrainer.Evaluate(corpus.Test, input => classifier.Classify(input).Complexity).Describe()}");
        output.WriteLine($"length baseline ({baseline.ModerateChars}/{baseline.ComplexChars} chars, fitted on train), train: {ComplexityTrainer.Evaluate(corpus.Train, baseline.Predict).Describe()}");
        output.WriteLine($"length baseline, frozen test:         {ComplexityTrainer.Evaluate(corpus.Test, baseline.Predict).Describe()}");
        output.WriteLine($"wrote {outPath}");
        return 0;
    }

    private static bool TryRead<T>(Dictionary<string, string> options, string name, T fallback, out T value)
        where T : IParsable<T>
    {
        value = fallback;
        return !options.TryGetValue(name, out var text) || T.TryParse(text, CultureInfo.InvariantCulture, out value!);
    }
}
