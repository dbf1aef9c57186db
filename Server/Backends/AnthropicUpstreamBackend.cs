using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using LocalOpenAi.Formats.Anthropic;
using LocalOpenAi.Server.Errors;
using LocalOpenAi.Server.Generation;
using LocalOpenAi.Server.Upstream;
using LocalOpenAi.Server.Accounting;

namespace LocalOpenAi.Server.Backends;

/// <summary>
/// The leaf that asks an Anthropic upstream (Claude): a chat call is translated into a Messages request,
/// and the message or its event stream back into a <c>chat.completion</c> or its chunks, so every
/// decorator and front-end above sees the same shape as from any other backend. A request Claude cannot
/// serve (several choices, logprobs, a grammar, a legacy completion) is a backend failure, open to fallback.
/// </summary>
internal sealed class AnthropicUpstreamBackend(UpstreamForwarder forwarder, CostAccounting accounting, TimeProvider time, string name = UpstreamSet.DefaultName) : ICompletionBackend
{
    private const string Unsupported = "upstream_unsupported";

    public async Task<CompletionOutcome> CompleteAsync(CompletionCall call, CancellationToken cancellationToken)
    {
        var model = call.UpstreamModel ?? call.Model ?? string.Empty;
        if (call.Endpoint != UpstreamEndpoint.ChatCompletions)
        {
            return Refuse("The Anthropic upstream serves chat requests only.");
        }

        var translation = AnthropicUpstreamTranslator.ChatToAnthropicRequest(call.Body, model, forwarder.DefaultMaxTokens);
        if (!translation.Succeeded)
        {
            return Refuse($"The Anthropic upstream cannot serve this request: {translation.Error.Message}");
        }

        var upstream = await forwarder.SendAsync(new UpstreamRequest(UpstreamEndpoint.Messages, translation.Body, model), cancellationToken);

        if (upstream.Failure is { } failure)
        {
            upstream.Dispose();
            return UpstreamBackend.Refuse(failure);
        }

        call.Http.Response.Headers["X-Model"] = model;
        var created = time.GetUtcNow().ToUnixTimeSeconds();
        if (upstream.Body is { } body)
        {
            using (upstream)
            {
                if (!upstream.Message!.IsSuccessStatusCode)
                {
                    return new RefusedOutcome(UpstreamErrorBody.Clean((int)upstream.Message.StatusCode, body, forwarder.Secrets));
                }

                var chat = JsonSerializer.SerializeToUtf8Bytes(AnthropicUpstreamTranslator.AnthropicToChatResponse(JsonNode.Parse(body)!.AsObject(), model, created));
                accounting.RecordCloud([chat], model, name);
                return new JsonOutcome(chat);
            }
        }

        var chunks = new AnthropicToChatStream(model, created, call.IncludeUsage);
        return await StreamOutcome.StartAsync(TranslateAsync(upstream, chunks, model, call.Http, cancellationToken), cancellationToken);
    }

    private static RefusedOutcome Refuse(string message) =>
        new(OpenAiError.Create(StatusCodes.Status502BadGateway, message, "server_error", null, Unsupported), Unsupported);

    private async IAsyncEnumerable<StreamEvent> TranslateAsync(UpstreamResponse upstream, AnthropicToChatStream chunks, string model, HttpContext http, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var stopped = false;
        ReadOnlyMemory<byte>? usage = null;
        await foreach (var item in forwarder.ReadEventsAsync(upstream, cancellationToken))
        {
            if (item.End == UpstreamStreamEnd.ClientGone)
            {
                yield return StreamEvent.Failed(RefusedOutcome.ClientGone.Error);
                yield break;
            }

            if (item.End != UpstreamStreamEnd.None)
            {
                break;
            }

            if (JsonNode.Parse(item.Payload.Span) is not JsonObject data || data["type"]?.GetValue<string>() is not { } eventName)
            {
                continue;
            }

            if (eventName == "message_start" && data["message"]?["usage"]?["input_tokens"] is JsonValue input && input.TryGetValue<int>(out var inputTokens) && inputTokens >= 0)
            {
                PromptTokenCount.Set(http, inputTokens);
            }

            var step = chunks.OnEvent(eventName, data);
            if (step.Error is { } error)
            {
                yield return StreamEvent.Failed(OpenAiError.Create(StatusCodes.Status502BadGateway, error.Message, AnthropicErrorTypes.ToOpenAi(error.Type), null, "upstream_error"));
                yield break;
            }

            foreach (var chunk in step.Chunks)
            {
                var bytes = JsonSerializer.SerializeToUtf8Bytes(chunk);
                usage = chunk["usage"] is JsonObject ? bytes : usage;
                yield return new StreamEvent(bytes);
            }

            stopped |= eventName == "message_stop";
        }

        // An Anthropic stream ends with message_stop and then closes: no [DONE] to wait for.
        if (!stopped)
        {
            yield return StreamEvent.Failed(OpenAiError.Create(StatusCodes.Status502BadGateway, "The upstream provider ended the stream early.", "server_error", null, "upstream_stream_cut"));
            yield break;
        }

        accounting.RecordCloud(usage is { } last ? [last] : [], model, name);
    }
}
