using LocalOpenAi.Engine.Native;
using LocalOpenAi.Engine.Scheduling;

namespace LocalOpenAi.Tests.Engine;

/// <summary>Decodes on the real context, except that it answers <see cref="DecodeStatus.NoKvSlot"/> to chosen batches without decoding them.</summary>
internal sealed class FaultInjectingDecoder(IBatchDecoder inner, Func<NativeBatch, bool> refuse) : IBatchDecoder
{
    private int _refused;

    public int Refused => Volatile.Read(ref _refused);

    public int Calls { get; private set; }

    public DecodeStatus Decode(NativeBatch batch)
    {
        Calls++;
        if (refuse(batch))
        {
            Interlocked.Increment(ref _refused);
            return DecodeStatus.NoKvSlot;
        }

        return inner.Decode(batch);
    }
}
