using System.Globalization;
using LocalOpenAi.Benchmarks.CacheHits;

// Cache hit latency through the whole server (HTTP, middleware, cache lookup, replay), memory vs Redis.
// Starts the server in-process on loopback with --model synthetic:tiny, once per store (Redis: its own
// redis-server on a free port), primes one deterministic chat request, then sends it N times in a row.
// Server-side latency comes from ASP.NET Core's request activity; the client round trip is shown too.
// Run: dotnet run -c Release --project benchmarks/LocalOpenAi.Benchmarks.CacheHits -- [--requests N]
const double MemoryTargetMs = 1;
const double RedisTargetMs = 3;
var requests = args.SkipWhile(arg => arg != "--requests").Skip(1).Select(int.Parse).FirstOrDefault(2000);

using var durations = new RequestDurations();
var results = new List<(HitLatency Latency, double TargetMs)>
{
    (await CacheHitScenario.RunAsync("memory", [], requests, durations), MemoryTargetMs),
};
await using (var redis = await RedisProcess.StartAsync())
{
    results.Add((await CacheHitScenario.RunAsync($"redis {redis.Endpoint}", ["--redis", redis.Endpoint], requests, durations), RedisTargetMs));
}

Console.WriteLine($"Cache hits, {requests} sequential identical requests per store after 200 warm-up hits (ms)");
Console.WriteLine($"{"store",-22} {"server p50",11} {"server p99",11} {"server mean",12} {"client p50",11} {"client p99",11} {"target p50",11}  ok");
foreach (var (latency, target) in results)
{
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"{latency.Store,-22} {latency.Server.P50,11:0.000} {latency.Server.P99,11:0.000} {latency.Server.Mean,12:0.000} {latency.RoundTrip.P50,11:0.000} {latency.RoundTrip.P99,11:0.000} {"< " + target,11}  {(latency.Server.P50 < target ? "yes" : "NO")}"));
}

Console.WriteLine("server = ASP.NET Core request activity (arrival to response completed); client = loopback round trip, an upper bound of server.");
