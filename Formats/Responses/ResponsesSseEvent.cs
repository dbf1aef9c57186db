using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LocalOpenAi.Formats.Responses;

/// <summary>One server-sent event of a streamed response; <see cref="Data"/> carries <c>type</c> and <c>sequence_number</c>.</summary>
public sealed record ResponsesSseEvent(string Type, JsonObject Data)
{
    // An event stream is not HTML: text goes out as UTF-8, not as \uXXXX escapes six bytes a character.
    private static readonly JsonSerializerOptions Wire = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The event as written on the wire: <c>event: TYPE\ndata: JSON\n\n</c>.</summary>
    public byte[] ToUtf8Bytes() => Encoding.UTF8.GetBytes($"event: {Type}\ndata: {Data.ToJsonString(Wire)}\n\n");
}
