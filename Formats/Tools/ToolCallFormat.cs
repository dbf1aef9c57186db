using System.Text.Json;
using System.Text.Json.Nodes;
using LocalOpenAi.Formats.Grammar;
using LocalOpenAi.Formats.OpenAi;

namespace LocalOpenAi.Formats.Tools;

/// <summary>
/// How a model family writes a function call in its output: the grammar that forces a well-formed
/// call to one of the offered tools, and the parser that turns the text back into OpenAI tool calls.
/// </summary>
public abstract class ToolCallFormat
{
    /// <summary>The JSON key the family uses for the arguments object.</summary>
    protected abstract string ArgumentsKey { get; }

    /// <summary>Whether a grammar forces every answer to be a call (<c>tool_choice</c> required or a named function).</summary>
    public bool Forced { get; private init; }

    /// <summary>The format for a chat template by its name; Llama 3.1's bare JSON is the fallback.</summary>
    public static ToolCallFormat For(string templateName, bool forced = false) => templateName switch
    {
        "qwen2.5" or "chatml" => new HermesToolCallFormat { Forced = forced },
        "mistral" => new MistralToolCallFormat { Forced = forced },
        _ => new Llama31ToolCallFormat { Forced = forced },
    };

    /// <summary>A grammar whose every sentence is a call of one tool (only <paramref name="forcedName"/> when given).</summary>
    public GrammarResult BuildGrammar(IReadOnlyList<ChatTool> tools, string? forcedName)
    {
        var offered = tools.Where(tool => forcedName is null || tool.Function.Name == forcedName).ToList();
        if (offered.Count == 0)
        {
            return GrammarResult.Failure($"tool_choice names '{forcedName}', which is not among the tools.");
        }

        var alternatives = new JsonArray();
        foreach (var tool in offered)
        {
            var parameters = tool.Function.Parameters is { ValueKind: JsonValueKind.Object } schema
                ? JsonNode.Parse(schema.GetRawText())!
                : new JsonObject { ["type"] = "object" };
            alternatives.Add(new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject { ["name"] = new JsonObject { ["const"] = tool.Function.Name }, [ArgumentsKey] = parameters },
                ["required"] = new JsonArray("name", ArgumentsKey),
                ["additionalProperties"] = false,
            });
        }

        var call = JsonSchemaGrammar.Convert(JsonSerializer.SerializeToElement(new JsonObject { ["anyOf"] = alternatives }));
        return call.IsSuccess ? GrammarResult.Success(Wrap(call.Grammar!)) : call;
    }

    /// <summary>Reads the calls from generated text; false when the text is not a call in this format.</summary>
    public abstract bool TryParse(string text, out IReadOnlyList<ToolCall> calls);

    /// <summary>
    /// The calls in an answer's text: a finished answer that parses as calls; or, when the grammar forced a call and the
    /// answer ran out of tokens, the call cut short. Null when the text is content.
    /// </summary>
    public IReadOnlyList<ToolCall>? CallsIn(string text, bool ranOutOfTokens) =>
        !ranOutOfTokens ? (TryParse(text, out var calls) ? calls : null)
            : Forced && TryParseTruncated(text, out var cut) ? [cut]
            : null;

    /// <summary>
    /// The call a forced answer was writing when it ran out of tokens: its name and the arguments written so far, as
    /// OpenAI reports a call cut by <c>max_tokens</c>; false before the name is complete. The grammar writes compact
    /// JSON with the name first, so the arguments begin right after it.
    /// </summary>
    public bool TryParseTruncated(string text, out ToolCall call)
    {
        call = null!;
        const string Opening = "{\"name\":\"";
        var start = text.IndexOf(Opening, StringComparison.Ordinal);
        var end = start < 0 ? -1 : ClosingQuote(text, start + Opening.Length);
        var argumentsStart = $",\"{ArgumentsKey}\":";
        if (end < 0 || string.CompareOrdinal(text, end + 1, argumentsStart, 0, argumentsStart.Length) != 0)
        {
            return false;
        }

        call = new ToolCall
        {
            Id = ToolCallIds.New(),
            Index = 0,
            Function = new FunctionCall
            {
                Name = JsonSerializer.Deserialize<string>(text.AsSpan(start + Opening.Length - 1, end - start - Opening.Length + 2)),
                Arguments = text[(end + 1 + argumentsStart.Length)..],
            },
        };
        return true;
    }

    /// <summary>The index of the quote that closes a JSON string whose text starts at <paramref name="from"/>, or -1.</summary>
    private static int ClosingQuote(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '"')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Surrounds the JSON grammar (root rule <c>root</c>) with the family's markers.</summary>
    protected abstract string Wrap(string callGrammar);

    /// <summary>Renames the JSON grammar's root so a new root can frame it.</summary>
    protected static string RenameRoot(string grammar, string newName) =>
        string.Join('\n', grammar.Split('\n').Select(line => line.StartsWith("root ::=", StringComparison.Ordinal) ? newName + line[4..] : line));

    /// <summary>One <c>{"name": ..., "&lt;arguments key&gt;": {...}}</c> object as an OpenAI tool call.</summary>
    protected bool TryReadCall(JsonElement element, int index, out ToolCall call)
    {
        call = null!;
        if (element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String
            || !(element.TryGetProperty(ArgumentsKey, out var arguments) || element.TryGetProperty("arguments", out arguments) || element.TryGetProperty("parameters", out arguments))
            || arguments.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        call = new ToolCall
        {
            Id = ToolCallIds.New(),
            Index = index,
            Function = new FunctionCall { Name = name.GetString(), Arguments = arguments.GetRawText() },
        };
        return true;
    }
}
