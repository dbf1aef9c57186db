using LocalOpenAi.Router.Classification;
using LocalOpenAi.Router.Training;

namespace LocalOpenAi.Tests.Router;

/// <summary><c>train-router</c> is deterministic: the shipped model file is what training on the corpus gives.</summary>
public sealed class ModelReproductionTests
{
    [Fact]
    public void Training_on_the_corpus_reproduces_the_shipped_model()
    {
        var options = new TrainerOptions();
        var train = RouterCorpus.Splits.Train;
        var shipped = ComplexityModel.Default;

        var retrained = ComplexityTrainer.Train(train, options, ComplexityTrainer.CrossValidate(train, options));
        using var file = new MemoryStream();
        retrained.Save(file);
        file.Position = 0;
        var reloaded = ComplexityModel.Load(file);

        Assert.Equal(shipped.Thresholds, reloaded.Thresholds);
        Assert.Equal(shipped.Training, reloaded.Training);
        var classifier = new ComplexityClassifier(new ClassifierOptions(), reloaded);
        var reference = new ComplexityClassifier(new ClassifierOptions(), shipped);
        foreach (var sample in RouterCorpus.Splits.Test)
        {
            Assert.Equal(reference.Classify(sample.Input).Score, classifier.Classify(sample.Input).Score, 2);
        }
    }

    [Fact]
    public void A_saved_model_loads_back_identical()
    {
        using var file = new MemoryStream();
        ComplexityModel.Default.Save(file);
        file.Position = 0;
        var reloaded = ComplexityModel.Load(file);
        using var again = new MemoryStream();
        reloaded.Save(again);

        Assert.Equal(file.ToArray(), again.ToArray());
    }
}
