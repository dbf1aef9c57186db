namespace LocalOpenAi.Router.Accounting;

/// <summary>What actually produced an answer.</summary>
public enum AnswerSource
{
    /// <summary>The local model.</summary>
    Local,

    /// <summary>The response cache.</summary>
    Cache,

    /// <summary>The upstream API.</summary>
    Cloud,
}
