using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using LocalOpenAi.Server.Cli;
using LocalOpenAi.Server.Shadow;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server.Routing;

/// <summary>Shadow evaluation end to end: the client gets the local answer at once; the cloud's answer is logged beside it, compared, and exported.</summary>
[Collection(ShadowCollection.Name)]
public sealed class ShadowEvaluationTests(ShadowBench bench)
{
    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task A_local_answer_is_shadowed_to_the_cloud_logged_with_its_agreement_and_exported()
    {
        var body = new JsonObject
        {
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = "Say hello to the team" }),
            ["max_tokens"] = 8,
            ["temperature"] = 0,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions") { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Route-Prefer", "local");

        using var response = await bench.Edge.Http.SendAsync(request);
        var requestId = response.Headers.GetValues("X-Request-Id").Single();
        var record = await WaitForRecordAsync(requestId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("local", response.Headers.GetValues("X-Route").Single());
        Assert.Equal("Say hello to the team", record["request"]!["messages"]![0]!["content"]!.GetValue<string>());
        Assert.Equal("chat.completion", record["local"]!["object"]!.GetValue<string>());
        Assert.Equal("chat.completion", record["cloud"]!["object"]!.GetValue<string>());
        Assert.NotNull(record["agree"]);
        Assert.Contains("localopenai_shadow_agreement_ratio", await bench.Edge.Http.GetStringAsync("metrics"), StringComparison.Ordinal);

        var exported = Path.Combine(Path.GetDirectoryName(bench.ShadowPath)!, "export.jsonl");
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, await ServerCommandLine.InvokeAsync([ExportShadowCommand.Name, "--shadow", bench.ShadowPath, "--out", exported], output, error));
        var example = JsonNode.Parse(File.ReadLines(exported).First())!["messages"]!.AsArray();
        Assert.Equal("assistant", example[^1]!["role"]!.GetValue<string>());
    }

    private async Task<JsonNode> WaitForRecordAsync(string requestId)
    {
        using var deadline = new CancellationTokenSource(TestLimits.Hang);
        while (true)
        {
            if (File.Exists(bench.ShadowPath)
                && File.ReadAllLines(bench.ShadowPath).Select(line => JsonNode.Parse(line)!).FirstOrDefault(line => line["request_id"]!.GetValue<string>() == requestId) is { } record)
            {
                return record;
            }

            await Task.Delay(20, deadline.Token);
        }
    }
}
