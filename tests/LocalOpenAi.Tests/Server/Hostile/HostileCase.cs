namespace LocalOpenAi.Tests.Server.Hostile;

/// <summary>One hostile request and the exact answer it must get: status, and the <c>param</c> of the error (null for a success).</summary>
public sealed record HostileCase(string Name, string Path, string Body, int Status, string? Param);
