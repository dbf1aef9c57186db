namespace LocalOpenAi.Server.Security;

/// <summary>A counter's value after an update, and how long until its window ends.</summary>
internal readonly record struct WindowCount(long Count, TimeSpan ResetAfter);
