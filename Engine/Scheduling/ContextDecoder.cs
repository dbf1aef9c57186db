using LocalOpenAi.Engine.Native;

namespace LocalOpenAi.Engine.Scheduling;

/// <summary>Decodes on the scheduler's own llama.cpp context.</summary>
internal sealed class ContextDecoder(NativeContext context) : IBatchDecoder
{
    public DecodeStatus Decode(NativeBatch batch) => context.Decode(batch);
}
