using LocalOpenAi.Server.Hosting;

namespace LocalOpenAi.Server.Models.Loading;

/// <summary>A request's hold on a loaded alias: while any lease is open the model is never unloaded.</summary>
public sealed class ModelLease(LocalModel model, Action release) : IDisposable
{
    private int _released;

    public LocalModel Model { get; } = model;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            release();
        }
    }
}
