using LocalOpenAi.Engine.Generation;

namespace LocalOpenAi.Server.Generation;

/// <summary>How one API (chat or legacy completions) spells the events of a streamed generation.</summary>
internal interface IGenerationStreamFormat
{
    /// <summary>Events sent before any text for a choice (chat: the assistant role); may be none.</summary>
    IEnumerable<ReadOnlyMemory<byte>> Opening(int choice);

    /// <summary>Events for new text (and logprobs) of a choice; a format may hold text back (tool calls).</summary>
    IEnumerable<ReadOnlyMemory<byte>> Delta(int choice, GenerationChunk chunk);

    /// <summary>The events that close a choice: anything held back, then the finish reason.</summary>
    IEnumerable<ReadOnlyMemory<byte>> Finish(int choice, FinishReason reason);

    /// <summary>The usage event sent after all choices when the client asked for it.</summary>
    IEnumerable<ReadOnlyMemory<byte>> Usage(int completionTokens, int cachedPromptTokens);
}
