namespace LocalOpenAi.Router.Classification;

/// <summary>How a model was trained, kept in the model file.</summary>
/// <param name="Samples">Training requests.</param>
/// <param name="L2">The L2 penalty on the weights.</param>
/// <param name="Iterations">Full-batch optimiser steps.</param>
/// <param name="TargetComplexRecall">The recall on complex requests the thresholds were tuned to reach.</param>
public sealed record ModelTraining(int Samples, double L2, int Iterations, double TargetComplexRecall);
