using System.Text.Json;
using System.Text.Json.Serialization;

namespace LocalOpenAi.Formats.OpenAi;

/// <summary>One message of a chat: system, user, assistant, tool (or ipython).</summary>
public sealed record ChatMessage
{
    public required string Role { get; init; }

    /// <summary>The text; an array of text parts on the wire is joined into one string.</summary>
    [JsonConverter(typeof(MessageContentConverter))]
    public string? Content { get; init; }

    public string? Name { get; init; }

    public IReadOnlyList<ToolCall>? ToolCalls { get; init; }

    public string? ToolCallId { get; init; }
}

/// <summary>A function call made by the assistant.</summary>
public sealed record ToolCall
{
    public string? Id { get; init; }

    public string Type { get; init; } = "function";

    public required FunctionCall Function { get; init; }

    /// <summary>Position in a streamed <c>tool_calls</c> delta.</summary>
    public int? Index { get; init; }
}

/// <summary>The function name and its arguments as a JSON string.</summary>
public sealed record FunctionCall
{
    public string? Name { get; init; }

    public string? Arguments { get; init; }
}

/// <summary>A tool the model may call.</summary>
public sealed record ChatTool
{
    public string Type { get; init; } = "function";

    public required FunctionDefinition Function { get; init; }
}

/// <summary>A function's name, description and JSON-Schema parameters.</summary>
public sealed record FunctionDefinition
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    public JsonElement? Parameters { get; init; }

    public bool? Strict { get; init; }
}
