using System.Globalization;
using System.Text;
using LocalOpenAi.Formats.OpenAi;
using LocalOpenAi.Router.Classification;

namespace LocalOpenAi.Benchmarks.Router;

/// <summary>The requests the benchmark classifies, from a one-line lookup to an 8,000-token agent turn.</summary>
internal static class AgentRequests
{
    public static IEnumerable<(string Name, ClassificationInput Input)> All()
    {
        yield return ("short lookup", ClassificationInput.FromPrompt("What's the status of order A-44821?"));
        yield return ("1k-token request", Agent(tokens: 1_000));
        yield return ("8k-token agent request", Agent(tokens: 8_000));
    }

    /// <summary>A system prompt, two earlier turns, a pasted report of about <paramref name="tokens"/> tokens and the ask.</summary>
    private static ClassificationInput Agent(int tokens)
    {
        var report = new StringBuilder("Here is the quarterly operations report:\n\n");
        for (var i = 0; report.Length < tokens * 4; i++)
        {
            report.Append(CultureInfo.InvariantCulture, $"Region {i % 7} shipped {1_000 + (i * 37 % 900)} orders in week {(i % 52) + 1}; late deliveries rose to {i % 13}% and the carrier blamed port congestion. ");
        }

        report.Append("\n\nAnalyse the trends above, find the root cause of the late deliveries and recommend a plan with owners and risks.");
        ChatMessage[] messages =
        [
            new() { Role = "system", Content = "You are a supply-chain analyst agent. Use the tools to fetch data; be precise and cite figures." },
            new() { Role = "user", Content = "Pull last quarter's delivery figures." },
            new() { Role = "assistant", Content = "I fetched them with get_deliveries; the report follows." },
            new() { Role = "user", Content = report.ToString() },
        ];
        return new ClassificationInput(messages, ToolCount: 4, MaxTokens: 2_000, Agent: "supply-chain-analyst");
    }
}
