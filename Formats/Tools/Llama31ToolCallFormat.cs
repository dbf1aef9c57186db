using System.Text.Json;
using LocalOpenAi.Formats.OpenAi;

namespace LocalOpenAi.Formats.Tools;

/// <summary>Llama 3.1: one bare JSON object <c>{"name": "...", "parameters": {...}}</c>, optionally after <c>&lt;|python_tag|&gt;</c>.</summary>
public sealed class Llama31ToolCallFormat : ToolCallFormat
{
    private const string PythonTag = "<|python_tag|>";

    protected override string ArgumentsKey => "parameters";

    public override bool TryParse(string text, out IReadOnlyList<ToolCall> calls)
    {
        calls = [];
        var json = text.Trim();
        if (json.StartsWith(PythonTag, StringComparison.Ordinal))
        {
            json = json[PythonTag.Length..].Trim();
        }

        if (!json.StartsWith('{'))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (TryReadCall(document.RootElement, 0, out var call))
            {
                calls = [call];
                return true;
            }
        }
        catch (JsonException)
        {
        }

        return false;
    }

    protected override string Wrap(string callGrammar) => callGrammar;
}
