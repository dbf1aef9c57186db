using System.Text.Json.Nodes;

namespace LocalOpenAi.Formats.Anthropic;

/// <summary>
/// Upstream direction: the server's chat-completions request into a request for an Anthropic API (Claude),
/// and the message that comes back into a <c>chat.completion</c>. Features Anthropic cannot serve
/// (several choices, logprobs, grammars, <c>json_object</c>) come back as an error naming the field.
/// </summary>
public static partial class AnthropicUpstreamTranslator
{
    /// <summary>Anthropic's largest temperature; OpenAI's goes to 2.</summary>
    private const double MaxTemperature = 1.0;

    public static AnthropicTranslation ChatToAnthropicRequest(JsonObject chatBody, string upstreamModel, int defaultMaxTokens)
    {
        if (DuplicateFields.Find(chatBody) is { } duplicate)
        {
            return AnthropicTranslation.Failure(duplicate);
        }

        var fields = new AnthropicFields();
        var request = new JsonObject
        {
            ["model"] = upstreamModel,
            ["max_tokens"] = fields.Integer(chatBody, "max_completion_tokens", "") ?? fields.Integer(chatBody, "max_tokens", "") ?? defaultMaxTokens,
        };
        Conversation(chatBody, request, fields);
        Tools(chatBody, request, fields);
        Sampling(chatBody, request, fields);
        RejectUnserved(chatBody, request, fields);
        return fields.Error is { } error ? AnthropicTranslation.Failure(error) : AnthropicTranslation.Success(request);
    }

    private static void Sampling(JsonObject chat, JsonObject request, AnthropicFields fields)
    {
        switch (fields.Node(chat, "stop", ""))
        {
            case JsonValue single when ChatJson.Text(single) is { } stop:
                request["stop_sequences"] = new JsonArray { stop };
                break;
            case JsonArray stops:
                var sequences = new JsonArray();
                for (var i = 0; i < stops.Count; i++)
                {
                    if (ChatJson.Text(stops[i]) is { } stop)
                    {
                        sequences.Add(stop);
                    }
                    else
                    {
                        fields.Fail(AnthropicFields.Path("stop", i), "Input should be a valid string");
                    }
                }

                request["stop_sequences"] = sequences;
                break;
            case not null:
                fields.Fail("stop", "Input should be a valid string or a list of strings");
                break;
        }

        if (fields.Number(chat, "temperature", "") is { } temperature)
        {
            request["temperature"] = Math.Min(temperature, MaxTemperature);
        }

        Put(request, "top_p", fields.Number(chat, "top_p", ""));
        Put(request, "top_k", fields.Integer(chat, "top_k", ""));
        Put(request, "stream", fields.Boolean(chat, "stream", ""));
        if (fields.String(chat, "user", "") is { } user)
        {
            request["metadata"] = new JsonObject { ["user_id"] = user };
        }
    }

    private static void RejectUnserved(JsonObject chat, JsonObject request, AnthropicFields fields)
    {
        if (fields.Integer(chat, "n", "") > 1)
        {
            fields.Fail("n", "an Anthropic upstream returns one choice");
        }

        if (fields.Boolean(chat, "logprobs", "") == true)
        {
            fields.Fail("logprobs", "an Anthropic upstream returns no logprobs");
        }

        if (chat["grammar"] is not null)
        {
            fields.Fail("grammar", "an Anthropic upstream takes no grammar");
        }

        if (fields.Object(chat, "response_format", "") is not { } format)
        {
            return;
        }

        switch (fields.String(format, "type", "response_format", required: true))
        {
            case "json_schema":
                var schema = fields.Object(format, "json_schema", "response_format", required: true);
                request["output_config"] = new JsonObject
                {
                    ["format"] = new JsonObject { ["type"] = "json_schema", ["schema"] = schema?["schema"]?.DeepClone() },
                };
                break;
            case "json_object":
                fields.Fail("response_format.type", "an Anthropic upstream takes a json_schema, not json_object");
                break;
        }
    }

    private static void Put(JsonObject target, string name, JsonNode? value)
    {
        if (value is not null)
        {
            target[name] = value;
        }
    }
}
