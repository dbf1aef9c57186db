using System.Text.Json;
using System.Text.RegularExpressions;
using LocalOpenAi.Formats.OpenAi;

namespace LocalOpenAi.Formats.Tools;

/// <summary>Qwen 2.5 / Hermes: <c>&lt;tool_call&gt;\n{"name": ..., "arguments": {...}}\n&lt;/tool_call&gt;</c>, possibly several.</summary>
public sealed partial class HermesToolCallFormat : ToolCallFormat
{
    protected override string ArgumentsKey => "arguments";

    public override bool TryParse(string text, out IReadOnlyList<ToolCall> calls)
    {
        var found = new List<ToolCall>();
        foreach (Match match in ToolCallBlock().Matches(text))
        {
            try
            {
                using var document = JsonDocument.Parse(match.Groups[1].Value);
                if (!TryReadCall(document.RootElement, found.Count, out var call))
                {
                    break;
                }

                found.Add(call);
            }
            catch (JsonException)
            {
                break;
            }
        }

        calls = found;
        return found.Count > 0;
    }

    protected override string Wrap(string callGrammar) =>
        RenameRoot(callGrammar, "tool-call-json") + "\nroot ::= \"<tool_call>\\n\" tool-call-json \"\\n</tool_call>\"\n";

    [GeneratedRegex(@"<tool_call>\s*(\{.*?\})\s*</tool_call>", RegexOptions.Singleline)]
    private static partial Regex ToolCallBlock();
}
