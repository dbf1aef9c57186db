using System.Text.Json.Nodes;

namespace LocalOpenAi.Formats.Anthropic;

/// <summary>
/// Front-end direction: an Anthropic Messages request (<c>POST /v1/messages</c>) into the chat-completions
/// body the server runs. Wrong types and fields the server cannot honour come back as an
/// <see cref="AnthropicError"/> naming the field; fields that change nothing here are ignored.
/// </summary>
public static partial class AnthropicRequestTranslator
{
    /// <summary>Top-level fields that would change the answer and that this server cannot serve.</summary>
    private static readonly string[] Unserved = ["mcp_servers", "container", "context_management"];

    /// <summary>Translates the body of <c>POST /v1/messages</c>; <c>max_tokens</c> is required.</summary>
    public static AnthropicTranslation ToChat(JsonObject body) => Translate(body, countingTokens: false);

    /// <summary>Translates the body of <c>POST /v1/messages/count_tokens</c>, which has no <c>max_tokens</c>.</summary>
    public static AnthropicTranslation ToChatForTokenCount(JsonObject body) => Translate(body, countingTokens: true);

    private static AnthropicTranslation Translate(JsonObject body, bool countingTokens)
    {
        if (DuplicateFields.Find(body) is { } duplicate)
        {
            return AnthropicTranslation.Failure(duplicate);
        }

        var fields = new AnthropicFields();
        var chat = new JsonObject();
        Put(chat, "model", fields.String(body, "model", "", required: true));
        if (!countingTokens)
        {
            var maxTokens = fields.Integer(body, "max_tokens", "", required: true);
            if (maxTokens < 1)
            {
                fields.Fail("max_tokens", "Input should be greater than or equal to 1");
            }

            Put(chat, "max_tokens", maxTokens);
        }

        chat["messages"] = Messages(body, fields);
        Tools(body, chat, fields);
        Sampling(body, chat, fields);
        RejectUnserved(body, chat, fields);
        return fields.Error is { } error ? AnthropicTranslation.Failure(error) : AnthropicTranslation.Success(chat);
    }

    private static void Sampling(JsonObject body, JsonObject chat, AnthropicFields fields)
    {
        if (fields.Array(body, "stop_sequences", "") is { } stops)
        {
            var stop = new JsonArray();
            for (var i = 0; i < stops.Count; i++)
            {
                if (stops[i] is JsonValue value && value.TryGetValue<string>(out var text))
                {
                    stop.Add(text);
                }
                else
                {
                    fields.Fail(AnthropicFields.Path("stop_sequences", i), "Input should be a valid string");
                }
            }

            chat["stop"] = stop;
        }

        Put(chat, "temperature", fields.Number(body, "temperature", ""));
        Put(chat, "top_p", fields.Number(body, "top_p", ""));
        Put(chat, "top_k", fields.Integer(body, "top_k", ""));
        if (fields.Boolean(body, "stream", "") is { } stream)
        {
            chat["stream"] = stream;
            if (stream)
            {
                chat["stream_options"] = new JsonObject { ["include_usage"] = true };
            }
        }

        if (fields.Object(body, "metadata", "") is { } metadata)
        {
            Put(chat, "user", fields.String(metadata, "user_id", "metadata"));
        }
    }

    /// <summary>
    /// Extended thinking is accepted, as llama-server does, and checked as Anthropic checks it; the answer simply has no
    /// thinking blocks (local chat templates carry no thinking budget, and an upstream's blocks are left out).
    /// </summary>
    private static void CheckThinking(JsonObject thinking, int? maxTokens, AnthropicFields fields)
    {
        switch (fields.String(thinking, "type", "thinking", required: true))
        {
            case "enabled":
                var budget = fields.Integer(thinking, "budget_tokens", "thinking", required: true);
                if (budget < 1024)
                {
                    fields.Fail("thinking.budget_tokens", "Input should be greater than or equal to 1024");
                }
                else if (budget >= maxTokens)
                {
                    fields.Fail("max_tokens", "`max_tokens` must be greater than `thinking.budget_tokens`");
                }

                break;
            case null or "disabled" or "adaptive":
                break;
            case var kind:
                fields.Fail("thinking.type", $"Input tag '{kind}' found using 'type' does not match any of the expected tags: 'enabled', 'disabled', 'adaptive'");
                break;
        }
    }

    private static void RejectUnserved(JsonObject body, JsonObject chat, AnthropicFields fields)
    {
        if (fields.Object(body, "thinking", "") is { } thinking)
        {
            CheckThinking(thinking, fields.Integer(body, "max_tokens", ""), fields);
        }

        foreach (var name in Unserved)
        {
            if (body[name] is not null)
            {
                fields.Fail(name, "not supported by this server");
            }
        }

        if (fields.Object(body, "output_config", "") is { } output
            && fields.Object(output, "format", "output_config") is { } format)
        {
            OutputFormat(format, "output_config.format", chat, fields);
        }
        else if (fields.Object(body, "output_format", "") is { } betaFormat)
        {
            // The structured-outputs beta's name for the same object (the SDKs' beta.messages.parse still send it).
            OutputFormat(betaFormat, "output_format", chat, fields);
        }
    }

    private static void OutputFormat(JsonObject format, string path, JsonObject chat, AnthropicFields fields)
    {
        var type = fields.String(format, "type", path, required: true);
        var schema = fields.Object(format, "schema", path, required: true);
        if (type is not null and not "json_schema")
        {
            fields.Fail($"{path}.type", "Input should be 'json_schema'");
        }

        chat["response_format"] = new JsonObject
        {
            ["type"] = "json_schema",
            ["json_schema"] = new JsonObject { ["name"] = "output", ["schema"] = schema?.DeepClone() },
        };
    }

    private static void Put(JsonObject target, string name, JsonNode? value)
    {
        if (value is not null)
        {
            target[name] = value;
        }
    }
}
