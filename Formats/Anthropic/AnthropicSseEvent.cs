using System.Text;
using System.Text.Json.Nodes;

namespace LocalOpenAi.Formats.Anthropic;

/// <summary>One server-sent event of an Anthropic message stream: <c>event: NAME</c> and a JSON <c>data:</c> line.</summary>
public sealed record AnthropicSseEvent(string Event, JsonObject Data)
{
    /// <summary>The <c>error</c> event Anthropic ends a failed stream with.</summary>
    public static AnthropicSseEvent Error(AnthropicError error) => new("error", error.ToEnvelope());

    /// <summary>The event as it goes on the wire: <c>event: X\ndata: {...}\n\n</c>.</summary>
    public byte[] ToBytes() => Encoding.UTF8.GetBytes(ToString());

    public override string ToString() => $"event: {Event}\ndata: {Data.ToJsonString()}\n\n";
}
