using LocalOpenAi.Engine.Native;

namespace LocalOpenAi.Engine.Scheduling;

/// <summary>
/// The one native call of a scheduler step. The context is the real one; tests wrap it to drive the
/// failure paths (<see cref="DecodeStatus.NoKvSlot"/>, aborts) that a healthy llama.cpp rarely shows.
/// </summary>
internal interface IBatchDecoder
{
    DecodeStatus Decode(NativeBatch batch);
}
