namespace LocalOpenAi.Server.Dashboard;

/// <summary>One finished generation request as the dashboard lists it; never a key or a body.</summary>
internal sealed record RecentRequest(DateTimeOffset At, string Endpoint, int Status, string Route, string Reason, string Cache, string Model, long? Tokens, double Milliseconds);
