namespace LocalOpenAi.Server.Models.Loading;

/// <summary>A hold on a shared thing (a loaded alias, shared weights): disposing it lets go, once.</summary>
internal sealed class Lease<T>(T value, Action release) : IDisposable
{
    private int _released;

    public T Value { get; } = value;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            release();
        }
    }
}
