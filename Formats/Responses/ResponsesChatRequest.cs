using System.Text.Json.Nodes;

namespace LocalOpenAi.Formats.Responses;

/// <summary>A Responses request as the chat-completions request that serves it.</summary>
/// <param name="Chat">A <c>/v1/chat/completions</c> body (deserialises as <c>ChatCompletionRequest</c>).</param>
/// <param name="InputItems">This request's input, normalised to Responses items: what <c>input_items</c> lists.</param>
/// <param name="Conversation">The previous response's items followed by <paramref name="InputItems"/>: with the
/// output items, what a follow-up's <c>previous_response_id</c> continues.</param>
public sealed record ResponsesChatRequest(
    JsonObject Chat,
    IReadOnlyList<JsonObject> InputItems,
    IReadOnlyList<JsonObject> Conversation);
