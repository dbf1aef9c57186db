namespace LocalOpenAi.Server.Metrics;

/// <summary>Undoes a gauge registration once, however often it is disposed.</summary>
internal sealed class GaugeRegistration(Action unregister) : IDisposable
{
    private Action? _unregister = unregister;

    public void Dispose() => Interlocked.Exchange(ref _unregister, null)?.Invoke();
}
