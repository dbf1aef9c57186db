using System.Text.Json;
using LocalOpenAi.Formats.OpenAi;
using LocalOpenAi.Formats.Tools;
using LocalOpenAi.Server.Generation;

namespace LocalOpenAi.Server.Backends;

/// <summary>Chat completions: <c>chat.completion</c> JSON, <c>chat.completion.chunk</c> events, tool calls parsed in the template's format.</summary>
internal sealed class ChatAnswerShape(ToolCallFormat? tools) : ILocalAnswerShape
{
    public string IdPrefix => "chatcmpl-";

    public IGenerationStreamFormat StreamFormat(GenerationContext context) => new ChatStreamFormat(context, tools);

    public byte[] Json(GenerationContext context, CollectedChoices collected) =>
        JsonSerializer.SerializeToUtf8Bytes(ChatResponseBuilder.ToResponse(context, collected, tools), OpenAiJson.Default.ChatCompletionResponse);
}
