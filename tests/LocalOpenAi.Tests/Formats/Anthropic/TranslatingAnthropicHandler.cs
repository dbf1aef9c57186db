using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using LocalOpenAi.Formats.Anthropic;

namespace LocalOpenAi.Tests.Formats.Anthropic;

/// <summary>
/// Stands where <c>/v1/messages</c> will stand: what an Anthropic SDK sends goes through
/// <see cref="AnthropicRequestTranslator"/>, and a canned chat answer comes back through
/// <see cref="AnthropicResponseTranslator"/> or <see cref="AnthropicStreamTranslator"/>.
/// </summary>
internal sealed class TranslatingAnthropicHandler(params CannedChatAnswer[] answers) : HttpMessageHandler
{
    private readonly Queue<CannedChatAnswer> _answers = new(answers);

    public List<string> Paths { get; } = [];

    public List<JsonObject> ChatRequests { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Paths.Add(request.RequestUri!.AbsolutePath);
        var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!.AsObject();
        var translation = AnthropicRequestTranslator.ToChat(body);
        if (!translation.Succeeded)
        {
            return Reply((HttpStatusCode)translation.Error.Status, translation.Error.ToEnvelope().ToJsonString(), "application/json");
        }

        ChatRequests.Add(translation.Body);
        var answer = _answers.Dequeue();
        if (answer.Error is { } error)
        {
            return Reply((HttpStatusCode)error.Status, error.ToEnvelope().ToJsonString(), "application/json");
        }

        var model = (string)translation.Body["model"]!;
        if (translation.Body["stream"] is null)
        {
            return Reply(HttpStatusCode.OK, AnthropicResponseTranslator.FromChat(answer.Completion(), model).ToJsonString(), "application/json");
        }

        var stream = new AnthropicStreamTranslator(model, inputTokens: 11);
        var events = answer.Chunks.SelectMany(stream.OnChunk).ToList();
        events.AddRange(answer.StreamError is { } streamError ? [AnthropicSseEvent.Error(streamError)] : stream.Complete());
        return Reply(HttpStatusCode.OK, string.Concat(events), "text/event-stream");
    }

    private static HttpResponseMessage Reply(HttpStatusCode status, string body, string mediaType) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
}
