using System.Text.Json;
using LocalOpenAi.Formats.OpenAi;
using LocalOpenAi.Server.Generation;

namespace LocalOpenAi.Server.Backends;

/// <summary>Legacy completions: <c>text_completion</c> JSON and events, with the prompts echoed when asked.</summary>
internal sealed class CompletionAnswerShape(IReadOnlyList<string> echoed) : ILocalAnswerShape
{
    public string IdPrefix => "cmpl-";

    public IGenerationStreamFormat StreamFormat(GenerationContext context) => new CompletionStreamFormat(context, echoed);

    public byte[] Json(GenerationContext context, CollectedChoices collected) =>
        JsonSerializer.SerializeToUtf8Bytes(CompletionResponseBuilder.ToResponse(context, collected, echoed), OpenAiJson.Default.CompletionResponse);
}
