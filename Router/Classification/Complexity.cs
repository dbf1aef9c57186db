using System.Text.Json.Serialization;

namespace LocalOpenAi.Router.Classification;

/// <summary>How demanding a request is, from what a small local model can answer to what needs a GPT-4-class model.</summary>
public enum Complexity
{
    /// <summary>Greetings, lookups, short factual answers, short classification, extraction or rewriting.</summary>
    [JsonStringEnumMemberName("simple")]
    Simple,

    /// <summary>In between: summarising a medium document, short explanations, drafting a short message.</summary>
    [JsonStringEnumMemberName("moderate")]
    Moderate,

    /// <summary>Code generation, multi-step reasoning or math, long analysis and synthesis, planning.</summary>
    [JsonStringEnumMemberName("complex")]
    Complex,
}
