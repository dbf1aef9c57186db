using System.Net.Http.Json;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server;

/// <summary>A client that goes away mid-stream stops its generation at the next decode step and frees its slot.</summary>
[Collection(ServerCollection.Name)]
public sealed class ClientDisconnectTests(ServerFixture server)
{
    [Fact]
    public async Task Abandoning_a_stream_frees_the_slot_promptly()
    {
        var before = await CompletionTokensAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions")
        {
            Content = JsonContent.Create(new { model = ServerFixture.ModelAlias, stream = true, max_tokens = 1900, ignore_eos = true, messages = new[] { new { role = "user", content = "long" } } }),
        };
        using (var response = await server.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead))
        {
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            while (await reader.ReadLineAsync() is { } line && (!line.Contains("\"content\":\"", StringComparison.Ordinal) || line.Contains("\"content\":\"\"", StringComparison.Ordinal)))
            {
            }
        }

        var freed = false;
        for (var i = 0; i < 500 && !freed; i++)
        {
            freed = (await server.Http.GetStringAsync("metrics")).Contains("localopenai_slots_busy{model=\"tiny\"} 0", StringComparison.Ordinal);
            await Task.Delay(10);
        }

        Assert.True(freed, "the slot was still busy five seconds after the client left");
        var generated = await CompletionTokensAsync() - before;
        Assert.True(generated < 1900, $"generation ran to the end ({generated} tokens) after the client left");
    }

    private async Task<double> CompletionTokensAsync()
    {
        var line = (await server.Http.GetStringAsync("metrics")).Split('\n')
            .FirstOrDefault(text => text.StartsWith("localopenai_completion_tokens_total{model=\"tiny\"}", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }
}
