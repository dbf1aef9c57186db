using System.Text.Json;
using LocalOpenAi.Engine.Generation;
using LocalOpenAi.Formats.OpenAi;
using LocalOpenAi.Formats.Tools;
using Microsoft.Extensions.AI;

namespace LocalOpenAi.Client.Chat;

/// <summary>How a finished generation reads as Microsoft.Extensions.AI content: text or function calls, why it ended, the usage.</summary>
internal static class ChatAnswer
{
    /// <summary>
    /// The output as calls when tools were offered and it parses as one (or a forced call ran out of tokens, as an
    /// OpenAI client reads a call cut short: finish reason length), else as text.
    /// </summary>
    public static (List<AIContent> Contents, ChatFinishReason Finish) Read(string text, FinishReason finish, ToolCallFormat? tools)
    {
        if (finish is FinishReason.Stop or FinishReason.Length && tools?.CallsIn(text, ranOutOfTokens: finish == FinishReason.Length) is { } calls)
        {
            return ([.. calls.Select(ToContent)], finish == FinishReason.Stop ? ChatFinishReason.ToolCalls : ChatFinishReason.Length);
        }

        return (text.Length > 0 ? [new TextContent(text)] : [], ToFinishReason(finish));
    }

    public static ChatFinishReason ToFinishReason(FinishReason finish) => finish == FinishReason.Length ? ChatFinishReason.Length : ChatFinishReason.Stop;

    public static UsageDetails ToUsage(int promptTokens, GenerationUsage usage) => new()
    {
        InputTokenCount = promptTokens,
        OutputTokenCount = usage.CompletionTokens,
        TotalTokenCount = promptTokens + usage.CompletionTokens,
        CachedInputTokenCount = usage.CachedPromptTokens,
    };

    /// <summary>A generation that did not finish is an exception to the caller: its own cancellation, or the engine's failure.</summary>
    public static void ThrowIfFailed(GenerationChunk final, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (final.Finish is FinishReason.Cancelled or FinishReason.Error)
        {
            throw new InvalidOperationException(final.Error ?? $"The generation ended early ({final.Finish}).");
        }
    }

    private static FunctionCallContent ToContent(ToolCall call) => FunctionCallContent.CreateFromParsedArguments(
        call.Function.Arguments!,
        call.Id!,
        call.Function.Name!,
        arguments => JsonSerializer.Deserialize<Dictionary<string, object?>>(arguments, AIJsonUtilities.DefaultOptions));
}
