using System.Net.Http.Json;
using LocalOpenAi.Formats.Gguf;
using LocalOpenAi.Formats.Gguf.Synthetic;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server;

/// <summary>A client that goes away mid-stream stops its generation at the next decode step and frees its slot.</summary>
/// <remarks>
/// On the small preset: the tiny one can write its whole 1,900 tokens in well under a second, before a
/// busy two-core machine has noticed the closed connection.
/// </remarks>
public sealed class ClientDisconnectTests : IAsyncLifetime
{
    private readonly SmallModelServer _server = new();

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Abandoning_a_stream_frees_the_slot_promptly()
    {
        var before = await CompletionTokensAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions")
        {
            Content = JsonContent.Create(new { model = ServerFixture.ModelAlias, stream = true, max_tokens = 1900, ignore_eos = true, messages = new[] { new { role = "user", content = "long" } } }),
        };
        using var leave = new CancellationTokenSource();
        using (var response = await _server.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, leave.Token))
        {
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(leave.Token));
            while (await reader.ReadLineAsync(leave.Token) is { } line && (!line.Contains("\"content\":\"", StringComparison.Ordinal) || line.Contains("\"content\":\"\"", StringComparison.Ordinal)))
            {
            }

            // Leaving by cancellation closes the connection: disposing alone lets HttpClient drain the rest of
            // the stream (up to 1 MB or 2 s) to reuse the connection, and the server can finish all 1,900 tokens meanwhile.
            await leave.CancelAsync();
        }

        await Eventually.TrueAsync(async () => (await _server.Http.GetStringAsync("metrics")).Contains("localopenai_slots_busy{model=\"tiny\"} 0", StringComparison.Ordinal));
        var generated = await CompletionTokensAsync() - before;
        Assert.True(generated < 1900, $"generation ran to the end ({generated} tokens) after the client left");
    }

    private async Task<double> CompletionTokensAsync()
    {
        var line = (await _server.Http.GetStringAsync("metrics")).Split('\n')
            .FirstOrDefault(text => text.StartsWith("localopenai_completion_tokens_total{model=\"tiny\"}", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed class SmallModelServer : ServerFixture
    {
        protected override IEnumerable<string> ExtraArguments =>
            ["--model", TestModels.Get(SyntheticModelPreset.Small, GgufQuantization.Q8_0)];
    }
}
