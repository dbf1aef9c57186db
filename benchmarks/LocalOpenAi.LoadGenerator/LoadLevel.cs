using System.Diagnostics;

namespace LocalOpenAi.LoadGenerator;

/// <summary>
/// Runs a fixed number of requests through a fixed number of concurrent streaming clients, each
/// client taking the next request as soon as its previous one ends (closed loop).
/// </summary>
internal sealed class LoadLevel(ChatStreamClient client, LoadOptions options)
{
    /// <param name="firstRequestIndex">Request indices start here, so every request of a run has its own user message.</param>
    public async Task<LevelSummary> RunAsync(int concurrency, int requests, int firstRequestIndex, CancellationToken cancellation)
    {
        var bodies = Enumerable.Range(firstRequestIndex, requests).Select(index => ChatRequestBody.Create(options, index)).ToArray();
        var outcomes = new RequestOutcome?[requests];
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(options.Deadline);
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        var finished = started;

        async Task ClientLoopAsync()
        {
            while (!deadline.IsCancellationRequested)
            {
                var index = Interlocked.Increment(ref next);
                if (index >= requests)
                {
                    return;
                }

                outcomes[index] = await client.SendAsync(bodies[index], options.AgentOf(firstRequestIndex + index), deadline.Token);
                var now = Stopwatch.GetTimestamp();
                InterlockedMax(ref finished, now);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(ClientLoopAsync, CancellationToken.None)));
        return LevelSummary.From(concurrency, outcomes, Stopwatch.GetElapsedTime(started, finished));
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
