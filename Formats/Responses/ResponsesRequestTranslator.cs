using System.Text.Json.Nodes;

namespace LocalOpenAi.Formats.Responses;

/// <summary>
/// Translates a <c>POST /v1/responses</c> body into the chat-completions request that serves it.
/// Every field is either translated or answered with an error naming it; none is dropped.
/// </summary>
public static class ResponsesRequestTranslator
{
    /// <param name="responsesBody">The request body as sent.</param>
    /// <param name="previousItems">With <c>previous_response_id</c>: that response's conversation (its
    /// <see cref="ResponsesChatRequest.Conversation"/> followed by its output items); null otherwise.
    /// Its instructions are not carried over, as in OpenAI's API.</param>
    /// <param name="referencedItems">The stored items that <see cref="ItemReferences"/> names, by id, where they
    /// are found; references to <paramref name="previousItems"/> need not be among them.</param>
    public static ResponsesTranslation ToChat(
        JsonObject responsesBody, IReadOnlyList<JsonObject>? previousItems, IReadOnlyDictionary<string, JsonObject>? referencedItems = null)
    {
        var chat = new JsonObject();
        var inputItems = new List<JsonObject>();
        var error = ResponsesFieldPolicy.Check(responsesBody)
            ?? Model(responsesBody, chat)
            ?? ResponseInputItems.Read(responsesBody["input"], References(previousItems, referencedItems), inputItems);
        if (error is not null)
        {
            return ResponsesTranslation.Failure(error);
        }

        var conversation = new List<JsonObject>(previousItems ?? []);
        var inputStart = conversation.Count;
        conversation.AddRange(inputItems);
        var messages = new JsonArray();
        chat["messages"] = messages;
        error = Instructions(responsesBody, messages)
            ?? ResponseItemMessages.Append(conversation, inputStart, messages)
            ?? ResponsesToolOptions.Tools(responsesBody, chat)
            ?? ResponsesToolOptions.ToolChoice(responsesBody, chat)
            ?? ResponsesSamplingFields.Apply(responsesBody, chat)
            ?? ResponsesTextFormat.Apply(responsesBody, chat)
            ?? ResponsesSamplingFields.CheckEchoed(responsesBody);
        return error is null
            ? ResponsesTranslation.Success(new ResponsesChatRequest(chat, inputItems, conversation))
            : ResponsesTranslation.Failure(error);
    }

    /// <summary>
    /// The ids of the <c>item_reference</c> items in the input (the Vercel AI SDK sends its earlier
    /// assistant messages so): the server looks them up, <see cref="ResponseItemIds.ResponseIdOf"/>
    /// says in which stored response, and passes them to <see cref="ToChat"/>.
    /// </summary>
    public static IReadOnlyList<string> ItemReferences(JsonObject responsesBody) => responsesBody["input"] is JsonArray input
        ? [.. input.OfType<JsonObject>()
            .Where(item => item["type"] is JsonValue type && type.TryGetValue<string>(out var name) && name == "item_reference")
            .Select(item => item["id"] is JsonValue id && id.TryGetValue<string>(out var value) ? value : null)
            .OfType<string>()]
        : [];

    private static Dictionary<string, JsonObject> References(IReadOnlyList<JsonObject>? previousItems, IReadOnlyDictionary<string, JsonObject>? referencedItems)
    {
        var references = new Dictionary<string, JsonObject>(referencedItems ?? new Dictionary<string, JsonObject>(), StringComparer.Ordinal);
        foreach (var item in previousItems ?? [])
        {
            if (item["id"] is JsonValue id && id.TryGetValue<string>(out var value))
            {
                references[value] = item;
            }
        }

        return references;
    }

    private static ResponsesError? Model(JsonObject body, JsonObject chat)
    {
        var fields = new FieldReader(body, string.Empty);
        JsonFields.SetIfPresent(chat, "model", fields.String("model"));
        return fields.Error;
    }

    private static ResponsesError? Instructions(JsonObject body, JsonArray messages)
    {
        var fields = new FieldReader(body, string.Empty);
        var instructions = fields.String("instructions");
        if (instructions is not null)
        {
            messages.Add(new JsonObject { ["role"] = "system", ["content"] = instructions });
        }

        return fields.Error;
    }
}
