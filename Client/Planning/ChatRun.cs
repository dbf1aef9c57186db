using LocalOpenAi.Engine.Generation;
using LocalOpenAi.Formats.Tools;

namespace LocalOpenAi.Client.Planning;

/// <summary>A chat request once its prompt is rendered: one generation per choice, and how to read tool calls back.</summary>
/// <param name="PromptTokens">The rendered prompt's length, counted once however many choices.</param>
/// <param name="Tools">Set when tools are offered: the output is checked for a call in this format.</param>
internal sealed record ChatRun(IReadOnlyList<GenerationRequest> Generations, int PromptTokens, ToolCallFormat? Tools);
