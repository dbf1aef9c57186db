using System.Diagnostics;
using System.Globalization;
using LocalOpenAi.Benchmarks.Router;
using LocalOpenAi.Router.Classification;

// Classification latency of the shipped complexity model, one request at a time on one thread.
// Requests: a short lookup, a 1,000-token one and an 8,000-token agent request (system prompt, earlier turns,
// a pasted report, tools, an instruction at the end). Each is classified 2,000 times to warm up, then timed
// call by call in rounds of 1,000. Target: p99 under 1 ms at 8,000 tokens.
// On a shared machine, time slices given to other processes land in the wall-clock tail; the process CPU time
// spent per call (Environment.CpuUsage, which a preempted call does not accrue) is printed beside it.
// Run: dotnet run -c Release --project benchmarks/LocalOpenAi.Benchmarks.Router -- [--rounds N]
const double TargetMs = 1;
const int RoundSize = 1_000;
var rounds = args.SkipWhile(arg => arg != "--rounds").Skip(1).Select(int.Parse).FirstOrDefault(20);
var classifier = new ComplexityClassifier(new ClassifierOptions());

Console.WriteLine($"Router classification: {rounds} rounds of {RoundSize} timed calls per request after 2,000 warm-up calls (ms)");
Console.WriteLine($"{"request",-26} {"tokens",7} {"p50",7} {"p99",7} {"max",7} {"cpu p50",8} {"cpu p99",8} {"alloc/call",11}  p99 < {TargetMs} ms");
foreach (var (name, input) in AgentRequests.All())
{
    for (var i = 0; i < 2_000; i++)
    {
        classifier.Classify(input);
    }

    var all = new List<double>(rounds * RoundSize);
    var cpu = new List<double>(rounds * RoundSize);
    var allocated = GC.GetAllocatedBytesForCurrentThread();
    for (var round = 0; round < rounds; round++)
    {
        for (var i = 0; i < RoundSize; i++)
        {
            var cpuStart = Environment.CpuUsage.TotalTime;
            var start = Stopwatch.GetTimestamp();
            classifier.Classify(input);
            all.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            cpu.Add((Environment.CpuUsage.TotalTime - cpuStart).TotalMilliseconds);
        }
    }

    var perCall = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (rounds * RoundSize);
    var (p50, p99) = (Quantile(all, 0.5), Quantile(all, 0.99));
    var (cpuP50, cpuP99) = (Quantile(cpu, 0.5), Quantile(cpu, 0.99));
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"{name,-26} {classifier.Classify(input).EstimatedTokens,7} {p50,7:0.000} {p99,7:0.000} {all.Max(),7:0.000} {cpuP50,8:0.000} {cpuP99,8:0.000} {perCall,9} B  {(p99 < TargetMs ? "yes" : cpuP99 < TargetMs ? "cpu time only" : "NO")}"));
}

static double Quantile(List<double> samples, double quantile)
{
    var sorted = samples.Order().ToArray();
    return sorted[(int)Math.Ceiling(quantile * sorted.Length) - 1];
}
