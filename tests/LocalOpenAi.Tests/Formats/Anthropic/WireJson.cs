using System.Text.Json;
using System.Text.Json.Nodes;

namespace LocalOpenAi.Tests.Formats.Anthropic;

/// <summary>Wire JSON for the golden tests: parse a literal, compare by value and show both sides when they differ.</summary>
internal static class WireJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static JsonObject Object(string json) => JsonNode.Parse(json)!.AsObject();

    public static void Equal(string expected, JsonNode? actual)
    {
        var expectedNode = JsonNode.Parse(expected);
        if (!JsonNode.DeepEquals(expectedNode, actual))
        {
            Assert.Equal(expectedNode!.ToJsonString(Indented), actual?.ToJsonString(Indented));
        }
    }
}
