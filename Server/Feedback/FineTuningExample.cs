using System.Text.Json;

namespace LocalOpenAi.Server.Feedback;

/// <summary>Writes one fine-tuning line from a recorded chat or legacy completion exchange.</summary>
internal static class FineTuningExample
{
    private static readonly string[] MessageFields = ["role", "content", "name", "tool_calls", "tool_call_id"];
    private static readonly string[] AnswerFields = ["content", "tool_calls"];

    /// <summary>Appends the line to <paramref name="output"/>; false (nothing written) when the exchange has no usable prompt or answer.</summary>
    public static bool TryWrite(Stream output, JsonElement request, JsonElement response)
    {
        if (!TryGetAnswer(response, out var answer, out var isChat))
        {
            return false;
        }

        var hasMessages = request.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array && messages.GetArrayLength() > 0;
        var hasPrompt = request.TryGetProperty("prompt", out var prompt) && prompt.ValueKind == JsonValueKind.String;
        if (!(isChat ? hasMessages : hasPrompt))
        {
            return false;
        }

        using (var writer = new Utf8JsonWriter(output))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("messages");
            if (isChat)
            {
                foreach (var message in messages.EnumerateArray())
                {
                    WriteMessage(writer, message, MessageFields);
                }

                WriteMessage(writer, answer, AnswerFields, role: "assistant");
            }
            else
            {
                writer.WriteStartObject();
                writer.WriteString("role", "user");
                writer.WriteString("content", prompt.GetString());
                writer.WriteEndObject();
                writer.WriteStartObject();
                writer.WriteString("role", "assistant");
                writer.WriteString("content", answer.GetString());
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            if (request.TryGetProperty("tools", out var tools) && tools.ValueKind == JsonValueKind.Array)
            {
                writer.WritePropertyName("tools");
                tools.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        output.WriteByte((byte)'\n');
        return true;
    }

    /// <summary>The first choice's message (chat) or text (legacy completion).</summary>
    private static bool TryGetAnswer(JsonElement response, out JsonElement answer, out bool isChat)
    {
        answer = default;
        isChat = false;
        if (!response.TryGetProperty("choices", out var choices) || choices.ValueKind != JsonValueKind.Array || choices.GetArrayLength() == 0)
        {
            return false;
        }

        var first = choices[0];
        if (first.TryGetProperty("message", out answer) && answer.ValueKind == JsonValueKind.Object)
        {
            isChat = true;
            var message = answer;
            return AnswerFields.Any(field => message.TryGetProperty(field, out var value) && value.ValueKind is not JsonValueKind.Null);
        }

        return first.TryGetProperty("text", out answer) && answer.ValueKind == JsonValueKind.String;
    }

    /// <summary>Copies the fields fine-tuning knows, with <paramref name="role"/> in place of the message's own when given.</summary>
    private static void WriteMessage(Utf8JsonWriter writer, JsonElement message, string[] fields, string? role = null)
    {
        writer.WriteStartObject();
        if (role is not null)
        {
            writer.WriteString("role", role);
        }

        foreach (var field in fields)
        {
            if (message.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null)
            {
                writer.WritePropertyName(field);
                value.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }
}
