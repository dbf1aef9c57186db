namespace LocalOpenAi.Tests.Client;

/// <summary>A structured answer with only bounded fields, so a random-weights model always finishes it.</summary>
public sealed record Outlook(Sky Sky, bool Windy);
