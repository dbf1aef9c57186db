using System.Text.Json.Nodes;

namespace LocalOpenAi.Formats.Responses;

/// <summary><c>text.format</c> of a Responses request as the chat <c>response_format</c>.</summary>
internal static class ResponsesTextFormat
{
    public static ResponsesError? Apply(JsonObject body, JsonObject chat)
    {
        var fields = new FieldReader(body, string.Empty);
        var text = fields.Object("text");
        if (text is null)
        {
            return fields.Error;
        }

        if (!JsonFields.IsNull(text["verbosity"]))
        {
            return ResponsesError.Unsupported("text.verbosity", "'text.verbosity' is not supported by this server.");
        }

        var textFields = new FieldReader(text, "text");
        var format = textFields.Object("format");
        if (format is null)
        {
            return textFields.Error;
        }

        var formatFields = new FieldReader(format, "text.format");
        return formatFields.RequiredString("type") switch
        {
            null => formatFields.Error,
            "text" => null,
            "json_object" => JsonFields.Set(chat, "response_format", new JsonObject { ["type"] = "json_object" }),
            "json_schema" => JsonSchema(formatFields, chat),
            var other => ResponsesError.InvalidValue(
                "text.format.type", $"Invalid value for 'text.format.type': '{other}'; expected 'text', 'json_object' or 'json_schema'."),
        };
    }

    private static ResponsesError? JsonSchema(FieldReader format, JsonObject chat)
    {
        var name = format.RequiredString("name");
        var description = format.String("description");
        var schema = format.Object("schema");
        var strict = format.Bool("strict");
        if (format.Error is not null || schema is null)
        {
            return format.Error ?? ResponsesError.Missing("text.format.schema");
        }

        var jsonSchema = new JsonObject { ["name"] = name };
        JsonFields.SetIfPresent(jsonSchema, "description", description);
        jsonSchema["schema"] = schema.DeepClone();
        JsonFields.SetIfPresent(jsonSchema, "strict", strict);
        return JsonFields.Set(chat, "response_format", new JsonObject { ["type"] = "json_schema", ["json_schema"] = jsonSchema });
    }
}
