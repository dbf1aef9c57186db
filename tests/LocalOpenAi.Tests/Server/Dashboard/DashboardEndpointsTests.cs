using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server.Dashboard;

/// <summary>The dashboard's files and its request list, without a browser.</summary>
[Collection(ServerCollection.Name)]
public sealed partial class DashboardEndpointsTests(ServerFixture server)
{
    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task The_page_and_every_file_it_loads_come_from_the_server_itself()
    {
        var page = await server.Http.GetStringAsync("");

        var references = Reference().Matches(page).Select(match => match.Groups[1].Value).Where(path => !path.StartsWith("data:", StringComparison.Ordinal)).ToList();
        Assert.Contains("dashboard.js", references);
        Assert.All(references, path => Assert.DoesNotMatch("^(https?:)?//", path));
        foreach (var path in references)
        {
            using var response = await server.Http.GetAsync(path);
            Assert.True(response.IsSuccessStatusCode, $"{path}: {response.StatusCode}");
        }
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task Recent_requests_list_generations_with_route_reason_and_tokens()
    {
        using var chat = await server.Http.PostAsJsonAsync("v1/chat/completions", new { model = ServerFixture.ModelAlias, messages = new[] { new { role = "user", content = "hi" } }, max_tokens = 3 });
        var requestModel = chat.Headers.GetValues("X-Model").Single();

        var recent = (await server.Http.GetFromJsonAsync<JsonArray>("dashboard/requests"))!;

        var latest = recent.Select(item => item!.AsObject()).First(item => item["endpoint"]!.GetValue<string>() == "/v1/chat/completions");
        Assert.Equal("local", latest["route"]!.GetValue<string>());
        Assert.Equal(requestModel, latest["model"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(latest["reason"]!.GetValue<string>()));
        Assert.True(latest["tokens"]!.GetValue<long>() > 0);
        Assert.DoesNotContain(recent, item => item!["endpoint"]!.GetValue<string>() == "/dashboard/requests");
    }

    [GeneratedRegex("(?:src|href)=\"([^\"]+)\"")]
    private static partial Regex Reference();
}
