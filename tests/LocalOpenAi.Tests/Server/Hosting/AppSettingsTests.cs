using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using LocalOpenAi.Cache;
using LocalOpenAi.Router.Routing;
using LocalOpenAi.Server.Feedback;
using LocalOpenAi.Server.Metrics;
using LocalOpenAi.Server.Responses;
using LocalOpenAi.Server.Security;
using LocalOpenAi.Server.Shadow;
using LocalOpenAi.Server.Upstream;
using Microsoft.Extensions.Configuration;
using LocalOpenAi.Server.Models;
using LocalOpenAi.Server.Requests;

namespace LocalOpenAi.Tests.Server.Hosting;

/// <summary>The shipped <c>Server/appsettings.json</c> lists every option at the default its options class has.</summary>
public sealed class AppSettingsTests
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    [Fact]
    public void Shipped_appsettings_has_every_option_at_its_default()
    {
        var shipped = Flatten(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.json")));
        var expected = Flatten(Expected().ToJsonString(Json));

        Assert.True(
            expected.OrderBy(pair => pair.Key).SequenceEqual(shipped.OrderBy(pair => pair.Key)),
            "Server/appsettings.json differs from the options' defaults; it should read:\n" + Expected().ToJsonString(Json));
    }

    [Fact]
    public void Shipped_appsettings_keeps_framework_logs_at_warning()
    {
        var shipped = Flatten(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.json")));

        Assert.Equal("Warning", shipped["Logging:LogLevel:Microsoft"]);
        Assert.Equal("Information", shipped["Logging:LogLevel:Default"]);
    }

    private static JsonObject Expected() => new()
    {
        ["Logging"] = new JsonObject
        {
            ["LogLevel"] = new JsonObject { ["Default"] = "Information", ["Microsoft"] = "Warning", ["System"] = "Warning", ["Microsoft.Hosting.Lifetime"] = "Information" },
            ["Console"] = new JsonObject { ["FormatterName"] = "simple" },
        },
        [ServerOptions.Section] = Node(new ServerOptions()),
        [InferenceOptions.Section] = Node(new InferenceOptions()),
        [SecurityOptions.Section] = Node(new SecurityOptions()),
        [RateLimitOptions.Section] = Node(new RateLimitOptions()),
        [CrossOriginOptions.Section] = Node(new CrossOriginOptions()),
        [CacheOptions.SectionName] = Node(new CacheOptions()),
        [UpstreamOptions.Section] = Node(new UpstreamOptions()),
        [RouterOptions.Section] = Node(new RouterOptions()),
        [ResponsesOptions.Section] = Node(new ResponsesOptions()),
        [FeedbackOptions.Section] = Feedback(),
        [ShadowOptions.Section] = Shadow(),
        [MetricsOptions.Section] = Node(new MetricsOptions()),
    };

    /// <summary>The shadow log's default lies in the user's home folder too.</summary>
    private static JsonNode Shadow()
    {
        var shadow = Node(new ShadowOptions()).AsObject();
        shadow.Remove(nameof(ShadowOptions.Path));
        return shadow;
    }

    /// <summary>The feedback file's default lies in the user's home folder, so the code keeps it.</summary>
    private static JsonNode Feedback()
    {
        var feedback = Node(new FeedbackOptions()).AsObject();
        feedback.Remove(nameof(FeedbackOptions.Path));
        return feedback;
    }

    private static JsonNode Node<T>(T options) => JsonSerializer.SerializeToNode(options, Json)!;

    private static Dictionary<string, string?> Flatten(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))).Build()
            .AsEnumerable().Where(pair => pair.Value is not null).ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.OrdinalIgnoreCase);
}
