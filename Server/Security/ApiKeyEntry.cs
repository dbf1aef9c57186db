namespace LocalOpenAi.Server.Security;

/// <summary>One configured key and the owner (tenant) it stands for.</summary>
internal sealed record ApiKeyEntry(string Key, string Owner);
