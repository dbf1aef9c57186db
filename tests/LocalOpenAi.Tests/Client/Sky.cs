namespace LocalOpenAi.Tests.Client;

/// <summary>The sky of an <see cref="Outlook"/>: an enum, which the schema spells as a closed set of strings.</summary>
public enum Sky
{
    Clear,
    Cloudy,
    Rain,
}
