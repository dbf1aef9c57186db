using System.Text.Json;

namespace LocalOpenAi.LoadGenerator;

/// <summary>The JSON body of one streaming chat completion request of a load run.</summary>
internal static class ChatRequestBody
{
    public static byte[] Create(LoadOptions options, int requestIndex)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("model", options.Model);
            json.WriteStartArray("messages");
            if (options.SystemPromptOf(requestIndex) is { } systemPrompt)
            {
                WriteMessage(json, "system", systemPrompt);
            }

            WriteMessage(json, "user", PromptText.UserMessage(requestIndex, options.PromptWords));
            json.WriteEndArray();
            json.WriteBoolean("stream", true);
            json.WriteStartObject("stream_options");
            json.WriteBoolean("include_usage", true);
            json.WriteEndObject();
            json.WriteNumber("max_tokens", options.MaxTokens);
            json.WriteNumber("temperature", options.Temperature);
            json.WriteNumber("seed", requestIndex);
            if (options.IgnoreEos)
            {
                json.WriteBoolean("ignore_eos", true);
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteMessage(Utf8JsonWriter json, string role, string content)
    {
        json.WriteStartObject();
        json.WriteString("role", role);
        json.WriteString("content", content);
        json.WriteEndObject();
    }
}
