using System.Text.Json.Nodes;

namespace LocalOpenAi.Formats.Responses;

/// <summary><c>function_call</c> and <c>function_call_output</c> items.</summary>
internal static partial class ResponseInputItems
{
    private static ResponsesError? NormaliseFunctionCall(FieldReader fields, string? id, out JsonObject? normalised)
    {
        normalised = null;
        var callId = fields.RequiredString("call_id");
        var name = fields.RequiredString("name");
        var arguments = fields.RequiredString("arguments");
        if (fields.Error is not null)
        {
            return fields.Error;
        }

        normalised = Item(id, "function_call");
        normalised["call_id"] = callId;
        normalised["name"] = name;
        normalised["arguments"] = arguments;
        normalised["status"] = "completed";
        return null;
    }

    private static ResponsesError? NormaliseFunctionCallOutput(JsonObject item, FieldReader fields, string path, string? id, out JsonObject? normalised)
    {
        normalised = null;
        var callId = fields.RequiredString("call_id");
        if (fields.Error is not null)
        {
            return fields.Error;
        }

        var error = ResponseContentParts.ReadToolOutput(item["output"], JsonFields.Path(path, "output"), out var output);
        if (error is not null)
        {
            return error;
        }

        normalised = Item(id, "function_call_output");
        normalised["call_id"] = callId;
        normalised["output"] = output;
        normalised["status"] = "completed";
        return null;
    }
}
