using System.Net;
using System.Text;
using System.Text.Json;

namespace LocalOpenAi.Tests.Server.Hostile;

/// <summary>Sends a <see cref="HostileCase"/> and checks the exact answer, then that the server still serves.</summary>
internal static class HostileRequest
{
    private const string Plain = """{"messages":[{"role":"user","content":"hi"}],"max_tokens":1}""";

    public static async Task AssertAnsweredAsync(HttpClient http, HostileCase hostile)
    {
        using var response = await http.PostAsync(hostile.Path, new StringContent(hostile.Body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(hostile.Status == (int)response.StatusCode, $"{hostile.Name}: expected {hostile.Status}, got {(int)response.StatusCode}: {Shorten(text)}");
        if (hostile.Param is not null)
        {
            using var json = JsonDocument.Parse(text);
            var error = json.RootElement.GetProperty("error");
            Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
            Assert.Equal(hostile.Param, error.GetProperty("param").GetString());
            Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        }

        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    public static async Task AssertStillServingAsync(HttpClient http)
    {
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("health")).StatusCode);
        using var plain = await http.PostAsync("v1/chat/completions", new StringContent(Plain, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
    }

    private static string Shorten(string text) => text.Length > 400 ? text[..400] + "..." : text;
}
