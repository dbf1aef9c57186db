using System.Text.Json.Nodes;

namespace LocalOpenAi.Formats.Responses;

/// <summary>A chat <c>usage</c> in the Responses form, with the prompt tokens served from the KV cache.</summary>
internal static class ResponseUsage
{
    public static JsonObject? FromChat(JsonNode? usage)
    {
        if (usage is not JsonObject chat)
        {
            return null;
        }

        var input = Count(chat["prompt_tokens"]);
        var output = Count(chat["completion_tokens"]);
        return new JsonObject
        {
            ["input_tokens"] = input,
            ["input_tokens_details"] = new JsonObject { ["cached_tokens"] = Count(chat["prompt_tokens_details"]?["cached_tokens"]) },
            ["output_tokens"] = output,
            ["output_tokens_details"] = new JsonObject { ["reasoning_tokens"] = 0 },
            ["total_tokens"] = chat["total_tokens"] is JsonValue total && total.TryGetValue<int>(out var sum) ? sum : input + output,
        };
    }

    private static int Count(JsonNode? node) => node is JsonValue value && value.TryGetValue<int>(out var count) ? count : 0;
}
