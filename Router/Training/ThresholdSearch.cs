using LocalOpenAi.Router.Classification;

namespace LocalOpenAi.Router.Training;

/// <summary>
/// Chooses the thresholds from held-out predictions: the best accuracy among those that reach the target complex
/// recall. Each request counts <c>1 / (requests of its template)</c>, so that every phrasing weighs the same and a
/// template the generator used forty times does not outvote forty hand-written requests.
/// </summary>
internal static class ThresholdSearch
{
    private const double Step = 0.01;

    public static ComplexityThresholds Best(IReadOnlyList<HeldOutPrediction> predictions, IReadOnlyList<Complexity> labels, IReadOnlyList<string> groups, double targetComplexRecall)
    {
        var sizes = groups.CountBy(g => g).ToDictionary(pair => pair.Key, pair => pair.Value);
        var weights = groups.Select(g => 1.0 / sizes[g]).ToArray();
        var total = weights.Sum();
        var complexWeight = Enumerable.Range(0, labels.Count).Where(i => labels[i] == Complexity.Complex).Sum(i => weights[i]);
        var best = (Feasible: false, Accuracy: -1.0, Recall: -1.0, Thresholds: new ComplexityThresholds(1.0 / 3, 2.0 / 3));
        for (var complex = Step; complex < 1; complex += Step)
        {
            for (var moderate = Step; moderate < 1; moderate += Step)
            {
                var thresholds = new ComplexityThresholds(System.Math.Round(moderate, 2), System.Math.Round(complex, 2));
                double correct = 0, complexFound = 0;
                for (var i = 0; i < predictions.Count; i++)
                {
                    var predicted = thresholds.Classify(predictions[i].Complex, predictions[i].NotSimple);
                    correct += predicted == labels[i] ? weights[i] : 0;
                    complexFound += predicted == Complexity.Complex && labels[i] == Complexity.Complex ? weights[i] : 0;
                }

                var accuracy = correct / total;
                var recall = complexWeight == 0 ? 1 : complexFound / complexWeight;
                var feasible = recall >= targetComplexRecall;
                var better = feasible != best.Feasible
                    ? feasible
                    : feasible ? accuracy > best.Accuracy : recall > best.Recall || (recall == best.Recall && accuracy > best.Accuracy);
                if (better)
                {
                    best = (feasible, accuracy, recall, thresholds);
                }
            }
        }

        return best.Thresholds;
    }
}
