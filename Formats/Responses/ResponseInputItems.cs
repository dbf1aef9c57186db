using System.Text.Json;
using System.Text.Json.Nodes;

namespace LocalOpenAi.Formats.Responses;

/// <summary>
/// Reads a request's <c>input</c> (a string or an array of items) into normalised Responses items:
/// messages with content parts, <c>function_call</c> and <c>function_call_output</c> items.
/// </summary>
internal static partial class ResponseInputItems
{
    private static readonly HashSet<string> Roles = ["user", "assistant", "system", "developer"];

    /// <param name="references">Stored items by id, for <c>item_reference</c> items.</param>
    public static ResponsesError? Read(JsonNode? input, IReadOnlyDictionary<string, JsonObject> references, List<JsonObject> items)
    {
        switch (input?.GetValueKind())
        {
            case null or JsonValueKind.Null:
                return ResponsesError.Missing("input");
            case JsonValueKind.String:
                items.Add(Message("user", ResponseContentParts.Text("user", input.GetValue<string>()), id: null));
                return null;
            case JsonValueKind.Array:
                var array = input.AsArray();
                for (var i = 0; i < array.Count; i++)
                {
                    var path = JsonFields.Path("input", i);
                    var error = array[i] is JsonObject item
                        ? Normalise(item, path, references, out var normalised) ?? Add(items, normalised!)
                        : ResponsesError.InvalidType(path, "an object", array[i]);
                    if (error is not null)
                    {
                        return error;
                    }
                }

                return null;
            default:
                return ResponsesError.InvalidType("input", "a string or an array of items", input);
        }
    }

    private static ResponsesError? Add(List<JsonObject> items, JsonObject item)
    {
        items.Add(item);
        return null;
    }

    private static ResponsesError? Normalise(JsonObject item, string path, IReadOnlyDictionary<string, JsonObject> references, out JsonObject? normalised)
    {
        normalised = null;
        var fields = new FieldReader(item, path);
        var type = fields.String("type");
        var id = fields.String("id");
        if (fields.Error is not null)
        {
            return fields.Error;
        }

        return (type ?? (item.ContainsKey("role") ? "message" : null)) switch
        {
            null => ResponsesError.Missing(JsonFields.Path(path, "type")),
            "message" => NormaliseMessage(item, path, id, out normalised),
            "function_call" => NormaliseFunctionCall(fields, id, out normalised),
            "function_call_output" => NormaliseFunctionCallOutput(item, fields, path, id, out normalised),
            "item_reference" => Resolve(fields, references, out normalised),
            _ => ResponsesError.Unsupported(
                JsonFields.Path(path, "type"),
                $"Input items of type '{type}' are not supported by this server; it serves 'message', 'function_call', 'function_call_output' and 'item_reference' items."),
        };
    }

    private static ResponsesError? Resolve(FieldReader fields, IReadOnlyDictionary<string, JsonObject> references, out JsonObject? normalised)
    {
        normalised = null;
        var id = fields.RequiredString("id");
        if (fields.Error is not null)
        {
            return fields.Error;
        }

        if (!references.TryGetValue(id!, out var referenced))
        {
            return ResponsesError.InvalidValue(fields.PathOf("id"), $"Item with id '{id}' not found.");
        }

        normalised = (JsonObject)referenced.DeepClone();
        return null;
    }

    private static ResponsesError? NormaliseMessage(JsonObject item, string path, string? id, out JsonObject? normalised)
    {
        normalised = null;
        var fields = new FieldReader(item, path);
        var role = fields.RequiredString("role");
        if (fields.Error is not null)
        {
            return fields.Error;
        }

        if (!Roles.Contains(role!))
        {
            return ResponsesError.InvalidValue(
                JsonFields.Path(path, "role"),
                $"Invalid value for '{JsonFields.Path(path, "role")}': '{role}'; expected 'user', 'assistant', 'system' or 'developer'.");
        }

        var error = ResponseContentParts.Read(item["content"], role!, JsonFields.Path(path, "content"), out var content);
        normalised = error is null ? Message(role!, content!, id) : null;
        return error;
    }

    private static JsonObject Message(string role, JsonArray content, string? id)
    {
        var message = Item(id, "message");
        message["role"] = role;
        message["content"] = content;
        message["status"] = "completed";
        return message;
    }

    private static JsonObject Item(string? id, string type)
    {
        var item = new JsonObject();
        if (id is not null)
        {
            item["id"] = id;
        }

        item["type"] = type;
        return item;
    }
}
