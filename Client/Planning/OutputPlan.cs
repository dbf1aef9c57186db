using LocalOpenAi.Formats.Tools;

namespace LocalOpenAi.Client.Planning;

/// <summary>How a chat request's output is constrained and read back.</summary>
/// <param name="Grammar">GBNF the sampler must follow, if any (raw grammar, JSON mode, JSON schema or forced tool call).</param>
/// <param name="Tools">Set when tools are offered: the output is checked for a call in this format.</param>
internal sealed record OutputPlan(string? Grammar, ToolCallFormat? Tools);
