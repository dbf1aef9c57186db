using LocalOpenAi.Server.Generation;

namespace LocalOpenAi.Server.Backends;

/// <summary>How one API spells a local answer: its id prefix, its stream events and its JSON body.</summary>
internal interface ILocalAnswerShape
{
    string IdPrefix { get; }

    IGenerationStreamFormat StreamFormat(GenerationContext context);

    byte[] Json(GenerationContext context, CollectedChoices collected);
}
