namespace LocalOpenAi.Router.Training;

/// <summary>How <c>train-router</c> fits the classifier.</summary>
/// <param name="HashBuckets">Buckets for hashed text features.</param>
/// <param name="L2">Penalty on squared weights, added to the mean cross-entropy (strong: the corpus is small).</param>
/// <param name="Iterations">Full-batch Adam steps.</param>
/// <param name="LearningRate">Adam's step size.</param>
/// <param name="Folds">Cross-validation folds (by template, so that a phrasing is never in two folds).</param>
/// <param name="TargetComplexRecall">The thresholds are chosen for the best accuracy with at least this recall on complex requests.</param>
/// <param name="HoldOutDomains">
/// Cross-validation also holds whole domains out, as the frozen test split does, so that its figure compares with the
/// test's; without it (the default, which chooses the thresholds) folds are by template only, every phrasing unseen.
/// </param>
public sealed record TrainerOptions(
    int HashBuckets = 1 << 16,
    double L2 = 1e-4,
    int Iterations = 300,
    double LearningRate = 0.05,
    int Folds = 5,
    double TargetComplexRecall = 0.93,
    bool HoldOutDomains = false);
