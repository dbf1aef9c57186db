using System.Net;
using System.Text.Json;

namespace LocalOpenAi.LoadGenerator;

/// <summary>The <c>run</c> command: warm up, run each concurrency level in turn, print and save the figures.</summary>
internal static class LoadCommand
{
    public static async Task<int> RunAsync(LoadOptions options, CancellationToken cancellation)
    {
        using var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            MaxConnectionsPerServer = int.MaxValue,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(10),
        };
        using var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        var client = new ChatStreamClient(http, options.ChatCompletionsUrl, options.Timeout);
        var level = new LoadLevel(client, options);
        var startedAt = DateTimeOffset.UtcNow;
        Console.WriteLine($"{options.ChatCompletionsUrl} model={options.Model} requests={options.Requests} max_tokens={options.MaxTokens} "
            + $"user_words={options.PromptWords} system_prompt_chars={options.SystemPrompt?.Length ?? 0} ignore_eos={options.IgnoreEos}");

        var requestIndex = options.FirstRequest;
        if (options.Warmup > 0)
        {
            var warmup = await level.RunAsync(concurrency: 1, options.Warmup, requestIndex, cancellation);
            requestIndex += options.Warmup;
            Console.WriteLine($"warmup: {warmup.Succeeded}/{warmup.Requests} ok in {warmup.WallSeconds:F1} s");
        }

        var levels = new List<LevelSummary>();
        ReportTable.WriteHeader(Console.Out);
        foreach (var concurrency in options.ConcurrencyLevels)
        {
            if (cancellation.IsCancellationRequested)
            {
                break;
            }

            var summary = await level.RunAsync(concurrency, options.Requests, requestIndex, cancellation);
            requestIndex += options.Requests;
            levels.Add(summary);
            ReportTable.WriteRow(Console.Out, summary);
        }

        ReportTable.WriteNotes(Console.Out, levels);
        var report = new LoadReport(
            options.Label, options.BaseUrl.ToString(), options.Model, options.MaxTokens, options.PromptWords,
            options.SystemPrompt?.Length ?? 0, options.IgnoreEos, startedAt, levels);
        if (options.JsonOut is not null)
        {
            await File.WriteAllTextAsync(options.JsonOut, JsonSerializer.Serialize(report, LoadReportJson.Default.LoadReport), CancellationToken.None);
        }

        return levels.All(summary => summary.Succeeded == summary.Requests) && levels.Count == options.ConcurrencyLevels.Count ? 0 : 1;
    }
}
