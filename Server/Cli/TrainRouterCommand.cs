using System.CommandLine;
using LocalOpenAi.Router.Calibration;
using LocalOpenAi.Router.Classification;
using LocalOpenAi.Router.Training;
using LocalOpenAi.Server.Commands;

namespace LocalOpenAi.Server.Cli;

/// <summary>
/// <c>train-router --corpus DIR --out FILE</c>: fits the complexity classifier on the corpus's train split,
/// prints cross-validation, frozen-test and baseline figures, and writes the model file.
/// </summary>
internal sealed class TrainRouterCommand : ICliCommand
{
    public const string Name = "train-router";

    private static readonly TrainerOptions Defaults = new();

    Command ICliCommand.Create()
    {
        var corpus = new Option<string>("--corpus") { Description = "The labelled corpus folder (its train and frozen test splits)", Required = true, HelpName = "DIR" };
        var output = new Option<string>("--out") { Description = "Where to write the model file", Required = true, HelpName = "FILE.json" };
        var l2 = new Option<double>("--l2")
        {
            Description = "L2 regularisation strength", DefaultValueFactory = _ => Defaults.L2, CustomParser = result => OptionValues.Number(result, exclusiveMinimum: -1e-300) ?? 0,
        };
        var iterations = new Option<int>("--iterations")
        {
            Description = "Gradient steps", DefaultValueFactory = _ => Defaults.Iterations, CustomParser = result => OptionValues.Integer(result, minimum: 1) ?? 0,
        };
        var folds = new Option<int>("--folds")
        {
            Description = "Cross-validation folds", DefaultValueFactory = _ => Defaults.Folds, CustomParser = result => OptionValues.Integer(result, minimum: 2) ?? 0,
        };
        var buckets = new Option<int>("--buckets")
        {
            Description = "Hashed feature buckets", DefaultValueFactory = _ => Defaults.HashBuckets, CustomParser = result => OptionValues.Integer(result, minimum: 1) ?? 0,
        };
        var recall = new Option<double>("--target-recall")
        {
            Description = "Complex recall the thresholds aim for on cross-validation", DefaultValueFactory = _ => Defaults.TargetComplexRecall,
            CustomParser = result => OptionValues.Number(result, exclusiveMinimum: 0, exclusiveMaximum: 1.0000001) ?? 0,
        };

        var command = new Command(Name, "Fits the complexity classifier on the corpus's train split, prints cross-validation, frozen-test and baseline figures, and writes the model file.")
        {
            corpus, output, l2, iterations, folds, buckets, recall,
        };
        command.SetAction(result => Run(
            result.GetValue(corpus)!,
            result.GetValue(output)!,
            new TrainerOptions(result.GetValue(buckets), result.GetValue(l2), result.GetValue(iterations), Defaults.LearningRate, result.GetValue(folds), result.GetValue(recall)),
            result.InvocationConfiguration.Output,
            result.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string corpusPath, string outPath, TrainerOptions trainer, TextWriter output, TextWriter error)
    {
        LabelledCorpus corpus;
        try
        {
            corpus = LabelledCorpus.Read(corpusPath);
        }
        catch (Exception exception) when (exception is FormatException or IOException)
        {
            error.WriteLine($"error: {exception.Message}");
            return ServerCommandLine.UsageError;
        }

        var outOfFold = ComplexityTrainer.CrossValidate(corpus.Train, trainer);
        var model = ComplexityTrainer.Train(corpus.Train, trainer, outOfFold);
        using (var file = File.Create(outPath))
        {
            model.Save(file);
        }

        var classifier = new ComplexityClassifier(new ClassifierOptions(), model);
        var asTestSplit = ComplexityTrainer.CrossValidate(corpus.Train, trainer with { HoldOutDomains = true });

        var baseline = LengthBaseline.Fit(corpus.Train);
        output.WriteLine(FormattableString.Invariant($"corpus: {corpus.Train.Count} train, {corpus.Test.Count} frozen test; thresholds {model.Thresholds.Moderate}/{model.Thresholds.Complex}"));
        output.WriteLine($"model, {trainer.Folds}-fold cross-validation on train, by template (chooses the thresholds): {OutOfFold(corpus.Train, outOfFold, model).Describe()}");
        output.WriteLine($"model, {trainer.Folds}-fold cross-validation on train, templates and whole domains held out as in the test split: {OutOfFold(corpus.Train, asTestSplit, model).Describe()}");
        output.WriteLine($"model, train split (fitted on it):   {ComplexityTrainer.Evaluate(corpus.Train, input => classifier.Classify(input).Complexity).Describe()}");
        output.WriteLine($"model, frozen test:                   {ComplexityTrainer.Evaluate(corpus.Test, input => classifier.Classify(input).Complexity).Describe()}");
        var trainGroups = corpus.Train.Select(sample => sample.Group).ToHashSet();
        var unseen = corpus.Test.Where(sample => !trainGroups.Contains(sample.Group)).ToArray();
        var seen = corpus.Test.Where(sample => trainGroups.Contains(sample.Group)).ToArray();
        output.WriteLine($"  phrasings never in train:              {ComplexityTrainer.Evaluate(unseen, input => classifier.Classify(input).Complexity).Describe()}");
        output.WriteLine($"  held-out domains, phrasings in train: {ComplexityTrainer.Evaluate(seen, input => classifier.Classify(input).Complexity).Describe()}");
        output.WriteLine($"length baseline ({baseline.ModerateChars}/{baseline.ComplexChars} chars, fitted on train), train: {ComplexityTrainer.Evaluate(corpus.Train, baseline.Predict).Describe()}");
        output.WriteLine($"length baseline, frozen test:         {ComplexityTrainer.Evaluate(corpus.Test, baseline.Predict).Describe()}");
        output.WriteLine($"wrote {outPath}");
        return 0;
    }

    private static ConfusionMatrix OutOfFold(IReadOnlyList<TrafficSample> samples, IReadOnlyList<HeldOutPrediction> predictions, ComplexityModel model)
    {
        var matrix = new ConfusionMatrix();
        for (var i = 0; i < samples.Count; i++)
        {
            matrix.Add(samples[i].Label!.Value, model.Thresholds.Classify(predictions[i].Complex, predictions[i].NotSimple));
        }

        return matrix;
    }
}
