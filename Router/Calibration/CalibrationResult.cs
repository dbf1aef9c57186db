using LocalOpenAi.Router.Classification;

namespace LocalOpenAi.Router.Calibration;

/// <summary>Thresholds chosen for a traffic sample, and how close they come to the target.</summary>
/// <param name="Thresholds">The new moderate and complex thresholds.</param>
/// <param name="TargetCloudShare">The share of requests the operator wants scored complex.</param>
/// <param name="AchievedCloudShare">The share of the sample the new thresholds score complex.</param>
/// <param name="SampleSize">Requests in the sample.</param>
public sealed record CalibrationResult(
    ComplexityThresholds Thresholds,
    double TargetCloudShare,
    double AchievedCloudShare,
    int SampleSize);
