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
    public static ResponsesTranslation ToChat(JsonObject responsesBody, IReadOnlyList<JsonObject>? previousItems)
    {
        var chat = new JsonObject();
        var inputItems = new List<JsonObject>();
        var error = ResponsesFieldPolicy.Check(responsesBody)
            ?? Model(responsesBody, chat)
            ?? ResponseInputItems.Read(responsesBody["input"], inputItems);
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

    private static ResponsesError? Model(JsonObject body, JsonObject chat)
    {
        var fields = new FieldReader(body, string.Empty);
        ResponsesToolOptions.SetIfPresent(chat, "model", fields.String("model"));
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
