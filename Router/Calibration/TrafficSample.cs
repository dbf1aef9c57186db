using LocalOpenAi.Router.Classification;

namespace LocalOpenAi.Router.Calibration;

/// <summary>One request from a traffic sample file, with its label when the file is labelled.</summary>
/// <param name="Line">1-based line in the file.</param>
/// <param name="Input">The request as the classifier sees it.</param>
/// <param name="Label">The expected class, when given.</param>
/// <param name="Split">In a labelled corpus, <c>train</c> or <c>test</c> (the frozen test split).</param>
/// <param name="Group">In a labelled corpus, the template the request was generated from; cross-validation keeps a group in one fold.</param>
/// <param name="Domain">In a labelled corpus, the agent domain a generated request belongs to; cross-validation holds some out whole.</param>
public sealed record TrafficSample(int Line, ClassificationInput Input, Complexity? Label, string? Split = null, string? Group = null, string? Domain = null);
