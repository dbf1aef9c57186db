using System.Text.Json;
using LocalOpenAi.Formats.OpenAi;

namespace LocalOpenAi.Formats.Tools;

/// <summary>Mistral: <c>[TOOL_CALLS][{"name": ..., "arguments": {...}}, ...]</c>.</summary>
public sealed class MistralToolCallFormat : ToolCallFormat
{
    private const string Marker = "[TOOL_CALLS]";

    protected override string ArgumentsKey => "arguments";

    public override bool TryParse(string text, out IReadOnlyList<ToolCall> calls)
    {
        calls = [];
        var json = text.Trim();
        if (json.StartsWith(Marker, StringComparison.Ordinal))
        {
            json = json[Marker.Length..].Trim();
        }

        if (!json.StartsWith('['))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var found = new List<ToolCall>();
            foreach (var element in document.RootElement.EnumerateArray())
            {
                if (!TryReadCall(element, found.Count, out var call))
                {
                    return false;
                }

                found.Add(call);
            }

            calls = found;
            return found.Count > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    protected override string Wrap(string callGrammar) =>
        RenameRoot(callGrammar, "tool-call-json") + "\nroot ::= \"[TOOL_CALLS][\" tool-call-json \"]\"\n";
}
