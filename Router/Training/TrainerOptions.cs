namespace LocalOpenAi.Router.Training;

/// <summary>How <c>train-router</c> fits the classifier.</summary>
/// <param name="HashBuckets">Buckets for hashed text features.</param>
/// <param name="L2">Penalty on squared weights, added to the mean cross-entropy (strong: the corpus is small).</param>
/// <param name="Iterations">Full-batch Adam steps.</param>
/// <param name="LearningRate">Adam's step size.</param>
/// <param name="Folds">Cross-validation folds (by template, so that a phrasing is never in two folds).</param>
/// <param name="TargetComplexRecall">The thresholds are chosen for the best accuracy with at least this recall on complex requests.</param>
public sealed record TrainerOptions(
    int HashBuckets = 1 << 16,
    double L2 = 1e-4,
    int Iterations = 300,
    double LearningRate = 0.05,
    int Folds = 5,
    double TargetComplexRecall = 0.93);
