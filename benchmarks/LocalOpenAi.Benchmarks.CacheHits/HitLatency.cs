namespace LocalOpenAi.Benchmarks.CacheHits;

/// <summary>Latency percentiles of cache hits for one store, in milliseconds.</summary>
/// <param name="Server">Inside the server: ASP.NET Core's request activity, from the request's arrival to the end of its response.</param>
/// <param name="RoundTrip">At the client: send to last body byte over loopback keep-alive; an upper bound of <paramref name="Server"/>.</param>
internal sealed record HitLatency(string Store, int Requests, Percentiles Server, Percentiles RoundTrip);
