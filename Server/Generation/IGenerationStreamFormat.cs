using LocalOpenAi.Engine.Generation;

namespace LocalOpenAi.Server.Generation;

/// <summary>How one API (chat or legacy completions) spells the events of a streamed generation.</summary>
public interface IGenerationStreamFormat
{
    /// <summary>Events sent before any text for a choice (chat: the assistant role); may be none.</summary>
    IEnumerable<ReadOnlyMemory<byte>> Opening(int choice);

    /// <summary>New text (and logprobs) of a choice.</summary>
    ReadOnlyMemory<byte> Delta(int choice, GenerationChunk chunk);

    /// <summary>The event that closes a choice with its finish reason.</summary>
    ReadOnlyMemory<byte> Finish(int choice, FinishReason reason);

    /// <summary>The usage event sent after all choices when the client asked for it.</summary>
    ReadOnlyMemory<byte> Usage(int completionTokens, int cachedPromptTokens);
}
