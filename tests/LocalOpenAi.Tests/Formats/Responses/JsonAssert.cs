using System.Text.Json;
using System.Text.Json.Nodes;

namespace LocalOpenAi.Tests.Formats.Responses;

/// <summary>Structural JSON comparison that shows both documents indented when they differ.</summary>
internal static class JsonAssert
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    public static void Equal(string expected, JsonNode? actual)
    {
        var expectedNode = JsonNode.Parse(expected);
        if (!JsonNode.DeepEquals(expectedNode, actual))
        {
            Assert.Equal(expectedNode!.ToJsonString(Indented), actual?.ToJsonString(Indented));
        }
    }
}
