using System.Runtime.CompilerServices;
using LocalOpenAi.Router.Calibration;

namespace LocalOpenAi.Tests.Router;

/// <summary>The labelled agent-traffic dataset committed beside these tests.</summary>
internal static class AgentTrafficData
{
    private static readonly Lazy<IReadOnlyList<TrafficSample>> Samples = new(() => TrafficSampleReader.ReadFile(FilePath));

    /// <summary>Where the labelled traffic file is.</summary>
    public static string FilePath => PathOf();

    public static IReadOnlyList<TrafficSample> All => Samples.Value;

    private static string PathOf([CallerFilePath] string source = "")
    {
        var besideSource = Path.Combine(Path.GetDirectoryName(source)!, "Data", "agent-traffic.jsonl");
        return File.Exists(besideSource)
            ? besideSource
            : Path.Combine(AppContext.BaseDirectory, "Router", "Data", "agent-traffic.jsonl");
    }
}
