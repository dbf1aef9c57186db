namespace LocalOpenAi.Router.Training;

/// <summary>A cross-validated prediction for one training request, made by a model that never saw its template.</summary>
/// <param name="Complex">P(complex).</param>
/// <param name="NotSimple">P(moderate) + P(complex).</param>
public readonly record struct HeldOutPrediction(double Complex, double NotSimple);
