using System.Diagnostics;
using System.Globalization;
using LocalOpenAi.Cache;
using LocalOpenAi.Cache.Redis;

// Measures IResponseCacheStore.TryGetAsync hit latency (p50/p99) for the memory and Redis stores.
// Run: dotnet run -c Release --project benchmarks/LocalOpenAi.Benchmarks.Cache -- [--redis host:port|configuration] [--value-bytes N]
// Without --redis, starts a throwaway redis-server on a free port if one is on PATH.
const int Iterations = 20_000;
const int Warmup = 2_000;
var valueSize = args.SkipWhile(a => a != "--value-bytes").Skip(1).Select(int.Parse).FirstOrDefault(4096);
var endpoint = args.SkipWhile(a => a != "--redis").Skip(1).FirstOrDefault();

var key = ResponseCacheKey.FromValue("v1:benchmark");
var value = new byte[valueSize];
Random.Shared.NextBytes(value);

var memory = new MemoryResponseCacheStore(10_000, 256L * 1024 * 1024);
await memory.SetAsync(key, value, TimeSpan.FromHours(1));
Report("memory", await MeasureAsync(memory));

Process? spawned = null;
if (endpoint is null)
{
    var port = 20000 + Random.Shared.Next(20000);
    try
    {
        spawned = Process.Start(new ProcessStartInfo("redis-server", $"--port {port} --bind 127.0.0.1 --save \"\" --appendonly no")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        });
        await Task.Delay(300);
        endpoint = $"127.0.0.1:{port}";
    }
    catch (System.ComponentModel.Win32Exception)
    {
        Console.WriteLine("redis: skipped (no --redis given and no redis-server on PATH)");
        return;
    }
}

try
{
    await using var connection = RedisConnection.FromConfiguration(endpoint);
    var redis = new RedisResponseCacheStore(connection);
    await redis.SetAsync(key, value, TimeSpan.FromHours(1));
    Report($"redis ({endpoint})", await MeasureAsync(redis));
}
finally
{
    spawned?.Kill();
}

async Task<double[]> MeasureAsync(IResponseCacheStore store)
{
    var samples = new double[Iterations];
    for (var i = -Warmup; i < Iterations; i++)
    {
        var started = Stopwatch.GetTimestamp();
        var lookup = await store.TryGetAsync(key);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        if (!lookup.IsHit)
        {
            throw new InvalidOperationException($"expected a hit, got {lookup.Status} {lookup.Reason}");
        }

        if (i >= 0)
        {
            samples[i] = elapsed;
        }
    }

    Array.Sort(samples);
    return samples;
}

void Report(string name, double[] sorted) => Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"{name,-28} value={valueSize} B  n={sorted.Length}  p50={sorted[sorted.Length / 2]:0.0} us  p99={sorted[(int)(sorted.Length * 0.99)]:0.0} us  max={sorted[^1]:0.0} us"));
