using System.Diagnostics;
using System.Net.Http.Json;
using LocalOpenAi.Tests.Support;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace LocalOpenAi.Tests.Server;

/// <summary>A completion's spans, collected by an OpenTelemetry in-memory exporter: one trace, the request's span and its children.</summary>
[Collection(ServerCollection.Name)]
public sealed class TracingTests(ServerFixture server)
{
    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task A_local_completion_traces_the_route_decision_cache_lookup_queue_prompt_and_decode_under_its_request()
    {
        var spans = new List<Activity>();
        using var tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource("LocalOpenAi")
            .AddAspNetCoreInstrumentation()
            .AddInMemoryExporter(spans)
            .Build();
        var trace = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions")
        {
            Content = JsonContent.Create(new { model = ServerFixture.ModelAlias, messages = new[] { new { role = "user", content = "Trace me " + trace.ToHexString() } }, max_tokens = 4, temperature = 0 }),
        };
        request.Headers.Add("traceparent", $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        using var response = await server.Http.SendAsync(request);
        var ours = await WaitForAsync(spans, trace, ["route", "cache.lookup", "queue", "prompt", "decode"]);

        Assert.True(response.IsSuccessStatusCode);
        var requestSpan = Assert.Single(ours, span => span.Kind == ActivityKind.Server);
        Assert.All(ours.Where(span => span != requestSpan), span => Assert.Equal(requestSpan.SpanId, span.ParentSpanId));
        Assert.Equal("local", ours.Single(span => span.DisplayName == "route").GetTagItem("localopenai.route"));
        Assert.Equal("local", requestSpan.GetTagItem("localopenai.route"));
        Assert.Equal(4, requestSpan.GetTagItem("localopenai.completion_tokens"));
        var (prompt, decode) = (ours.Single(span => span.DisplayName == "prompt"), ours.Single(span => span.DisplayName == "decode"));
        Assert.True(prompt.StartTimeUtc + prompt.Duration <= decode.StartTimeUtc + TimeSpan.FromMilliseconds(1));
    }

    private static async Task<List<Activity>> WaitForAsync(List<Activity> spans, ActivityTraceId trace, string[] names)
    {
        using var deadline = new CancellationTokenSource(TestLimits.Hang);
        while (true)
        {
            List<Activity> ours;
            lock (spans)
            {
                ours = [.. spans.Where(span => span.TraceId == trace)];
            }

            if (names.All(name => ours.Any(span => span.DisplayName == name)) && ours.Any(span => span.Kind == ActivityKind.Server))
            {
                return ours;
            }

            await Task.Delay(20, deadline.Token);
        }
    }
}
