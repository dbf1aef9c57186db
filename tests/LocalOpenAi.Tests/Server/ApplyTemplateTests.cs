using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server;

/// <summary><c>/apply-template</c> shows the exact prompt, tools included.</summary>
[Collection(ServerCollection.Name)]
public sealed class ApplyTemplateTests(ServerFixture server)
{
    private const string Messages = """[{"role":"user","content":"Weather in Oslo?"}]""";
    private const string Tools = """[{"type":"function","function":{"name":"get_weather","description":"Current weather","parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}]""";

    [Fact]
    public async Task The_prompt_of_a_tool_request_shows_the_tools()
    {
        var withTools = await PromptAsync($$"""{"messages":{{Messages}},"tools":{{Tools}}}""");
        var without = await PromptAsync($$"""{"messages":{{Messages}}}""");

        Assert.Contains("get_weather", withTools, StringComparison.Ordinal);
        Assert.DoesNotContain("get_weather", without, StringComparison.Ordinal);
        Assert.Contains("Weather in Oslo?", withTools, StringComparison.Ordinal);
    }

    private async Task<string> PromptAsync(string body)
    {
        using var response = await server.Http.PostAsync("apply-template", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = await response.Content.ReadFromJsonAsync<JsonDocument>();
        return json!.RootElement.GetProperty("prompt").GetString()!;
    }
}
