namespace LocalOpenAi.Server.Configuration;

/// <summary>Options that can list every problem with themselves at once.</summary>
internal interface ISelfValidatingOptions
{
    /// <summary>Every problem with these options; empty when valid.</summary>
    IReadOnlyList<string> Validate();
}
