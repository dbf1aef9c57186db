using LocalOpenAi.Engine;

namespace LocalOpenAi.Server.Models.Loading;

/// <summary>One alias's hold on shared weights; disposing it lets them go (freed with the last holder).</summary>
public sealed class WeightsLease(LlamaModel model, Action release) : IDisposable
{
    private int _released;

    public LlamaModel Model { get; } = model;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            release();
        }
    }
}
