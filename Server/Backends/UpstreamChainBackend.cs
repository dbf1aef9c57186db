using LocalOpenAi.Server.Metrics;

namespace LocalOpenAi.Server.Backends;

/// <summary>
/// The cloud side when several upstreams are configured: the upstream that names the requested model goes
/// first, then the others in configured order, each the fallback of the one before (for example Claude →
/// GPT-4o). An upstream whose breaker is open is skipped; one that fails before its first byte passes the call
/// on. Each attempt is counted in <c>localopenai_upstream_requests_total{upstream,status}</c>.
/// </summary>
internal sealed class UpstreamChainBackend(IReadOnlyList<UpstreamLink> links, LocalOpenAiMetrics metrics) : ICompletionBackend
{
    public async Task<CompletionOutcome> CompleteAsync(CompletionCall call, CancellationToken cancellationToken)
    {
        CompletionOutcome? last = null;
        string? failed = null;
        foreach (var link in Order(call.UpstreamModel))
        {
            if (!link.Forwarder.IsAvailable)
            {
                metrics.RecordUpstreamRequest(link.Name, "circuit_open");
                continue;
            }

            if (failed is not null)
            {
                call.Http.Response.Headers["X-Route-Reason"] = $"upstream {failed} failed, fell back to upstream {link.Name}";
            }

            var outcome = await link.Backend.CompleteAsync(call, cancellationToken);
            metrics.RecordUpstreamRequest(link.Name, outcome is RefusedOutcome refused ? refused.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "200");
            if (outcome is not RefusedOutcome { IsBackendFailure: true })
            {
                return outcome;
            }

            (last, failed) = (outcome, link.Name);
        }

        return last ?? new RefusedOutcome(Errors.OpenAiError.Unavailable("Every upstream is failing fast (circuit open)."), "upstream_circuit_open");
    }

    private IEnumerable<UpstreamLink> Order(string? model) =>
        links.Where(link => link.Forwarder.Serves(model)).Concat(links.Where(link => !link.Forwarder.Serves(model)));
}
