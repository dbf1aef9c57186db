using System.Globalization;
using System.Text;

namespace LocalOpenAi.Tests.Server.Routing;

/// <summary>Prompts of known complexity (see <c>Router/Data/agent-traffic.jsonl</c>) and a long synthetic report.</summary>
internal static class RoutingPrompts
{
    public const string Greeting = "Hello there! How are you today?";

    /// <summary>A multi-step coding and analysis request: complex by every cue the classifier has.</summary>
    public const string Complex =
        "Implement an LRU cache in C# with O(1) get and put that is safe to use from multiple threads. "
        + "Then walk me through the design step by step: analyze the trade-offs between a single lock, "
        + "lock striping and a lock-free design, evaluate their throughput under contention, and write "
        + "unit tests that prove eviction order and thread safety.";

    public const string RiskQuestion = "Summarise the key risks in this report.";

    private static readonly string[] Subjects = ["The supplier in Leeds", "Our payments provider", "The data centre lease", "The new pricing plan", "The hiring plan", "The warehouse contract"];
    private static readonly string[] Events = ["missed the delivery date by", "raised its fees by", "reported an outage lasting", "cut its orders by", "delayed the audit by", "lost customers worth"];
    private static readonly string[] Consequences = ["which puts the launch at risk", "so the board asked for a plan", "and the team expects more delays", "which hurts the margin this year", "so cash may be short in March", "and nobody owns the follow up"];

    /// <summary>A quarterly report of <paramref name="sentences"/> plain English sentences with figures, about 20 tokens each.</summary>
    public static string Report(int sentences)
    {
        var text = new StringBuilder("Quarterly operations report.\n\n");
        for (var i = 0; i < sentences; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{Subjects[i % Subjects.Length]} {Events[(i / 6) % Events.Length]} {(i * 37 % 90) + 3} days in week {(i % 52) + 1}, {Consequences[(i / 36) % Consequences.Length]}. ");
            if (i % 8 == 7)
            {
                text.Append("\n\n");
            }
        }

        return text.ToString();
    }
}
