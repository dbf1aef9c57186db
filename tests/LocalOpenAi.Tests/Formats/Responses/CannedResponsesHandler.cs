using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace LocalOpenAi.Tests.Formats.Responses;

/// <summary>
/// An HTTP handler standing in for the server: it hands each request body to <c>answer</c> and
/// returns what that writes (JSON or an event stream), so an official client can be run against
/// the translators without a network.
/// </summary>
internal sealed class CannedResponsesHandler(Func<JsonObject, (string ContentType, byte[] Body)> answer) : HttpMessageHandler
{
    public List<JsonObject> Requests { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!.AsObject();
        Requests.Add(body);
        var (contentType, bytes) = answer(body);
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }
}
