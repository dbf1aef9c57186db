using System.Net.Http.Json;
using System.Text.Json;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server.Cli;

/// <summary>The real process logs one line per request at Information and keeps framework chatter at Warning.</summary>
public sealed class RequestLogTests
{
    private static readonly object Chat = new { model = ServerFixture.ModelAlias, messages = new[] { new { role = "user", content = "hi" } }, max_tokens = 3 };

    [Fact]
    public async Task A_request_is_one_line_with_route_cache_model_and_tokens()
    {
        await using var server = await RunningServerProcess.StartAsync("--model", TestModels.TinyPath, "--alias", ServerFixture.ModelAlias, "--parallel", "1");

        using var response = await server.Http.PostAsJsonAsync("v1/chat/completions", Chat);
        var requestId = response.Headers.GetValues("X-Request-Id").Single();
        var line = await server.WaitForLineAsync(text => text.Contains("POST /v1/chat/completions", StringComparison.Ordinal));

        Assert.Matches($@"^\s+POST /v1/chat/completions 200 [\d.]+ ms route=local cache=(MISS|BYPASS) model={ServerFixture.ModelAlias} tokens=\d+ request={requestId}$", line);
        Assert.Single(server.Lines, text => text.Contains(requestId, StringComparison.Ordinal));
        Assert.DoesNotContain(server.Lines, text => text.StartsWith("info: Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Log_format_json_writes_one_json_object_a_line()
    {
        await using var server = await RunningServerProcess.StartAsync("--model", TestModels.TinyPath, "--alias", ServerFixture.ModelAlias, "--parallel", "1", "--log-format", "json");

        using var response = await server.Http.PostAsJsonAsync("v1/chat/completions", Chat);
        var line = await server.WaitForLineAsync(text => text.Contains("RequestMetricsMiddleware", StringComparison.Ordinal));

        var state = JsonDocument.Parse(line).RootElement.GetProperty("State");
        Assert.Equal("local", state.GetProperty("Route").GetString());
        Assert.Equal(ServerFixture.ModelAlias, state.GetProperty("Model").GetString());
        Assert.All(server.Lines, text => JsonDocument.Parse(text).Dispose());
    }
}
