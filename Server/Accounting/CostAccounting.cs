using System.Text.Json;
using LocalOpenAi.Engine.Generation;
using LocalOpenAi.Router.Accounting;
using LocalOpenAi.Router.Routing;
using LocalOpenAi.Server.Metrics;

namespace LocalOpenAi.Server.Accounting;

/// <summary>Counts each answer in the cost ledger: local and cached answers add the cloud cost they avoided.</summary>
internal sealed class CostAccounting(CostLedger ledger, LocalOpenAiMetrics metrics)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, decimal> _spentByUpstream = new(StringComparer.Ordinal);

    /// <summary>Counts one routing decision (<c>/router/status</c> reports the hybrid ones).</summary>
    public void RecordDecision(RouteTarget route) => ledger.RecordDecision(route);

    public void RecordLocal(GenerationUsage usage) => Avoided(AnswerSource.Local, usage.PromptTokens, usage.CompletionTokens);

    /// <summary>A cached answer, its token counts read from the usage it was stored with; returns its prompt tokens (0 when it has no usage).</summary>
    public int RecordCache(IEnumerable<ReadOnlyMemory<byte>> payloads)
    {
        var (prompt, completion) = ReadUsage(payloads);
        Avoided(AnswerSource.Cache, prompt, completion);
        return prompt;
    }

    /// <summary>An upstream answer, its token counts read from its usage (the body, or the stream's usage chunk), priced for its model and added to its upstream's spend.</summary>
    internal void RecordCloud(IEnumerable<ReadOnlyMemory<byte>> payloads, string upstreamModel, string upstream)
    {
        var (prompt, completion) = ReadUsage(payloads);
        var spent = ledger.RecordAnswer(AnswerSource.Cloud, prompt, completion, upstreamModel);
        _spentByUpstream.AddOrUpdate(upstream, spent, (_, total) => total + spent);
        metrics.RecordUpstreamCost(upstream, (double)spent);
    }

    /// <summary>What each named upstream's answers cost so far, in USD (priced per model from <c>Router:Prices</c>).</summary>
    public decimal SpentBy(string upstream) => _spentByUpstream.TryGetValue(upstream, out var spent) ? spent : 0m;

    private void Avoided(AnswerSource source, int promptTokens, int completionTokens)
    {
        var usd = ledger.RecordAnswer(source, promptTokens, completionTokens);
        metrics.RecordCostSaved((double)usd);
    }

    /// <summary>The last <c>usage</c> object among the payloads (the body, or the stream's usage chunk).</summary>
    private static (int Prompt, int Completion) ReadUsage(IEnumerable<ReadOnlyMemory<byte>> payloads)
    {
        var found = (0, 0);
        foreach (var payload in payloads)
        {
            try
            {
                using var document = JsonDocument.Parse(payload);
                if (document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object)
                {
                    found = (Read(usage, "prompt_tokens"), Read(usage, "completion_tokens"));
                }
            }
            catch (JsonException)
            {
            }
        }

        return found;
    }

    private static int Read(JsonElement usage, string name) =>
        usage.TryGetProperty(name, out var value) && value.TryGetInt32(out var count) ? count : 0;
}
