namespace LocalOpenAi.Tests.Support;

/// <summary>Waits for a state, never for a duration: only the hang net ends a wait that never comes true.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(TestLimits.Hang);
        while (!condition())
        {
            await Task.Delay(10, deadline.Token);
        }
    }

    public static async Task TrueAsync(Func<Task<bool>> condition)
    {
        using var deadline = new CancellationTokenSource(TestLimits.Hang);
        while (!await condition())
        {
            await Task.Delay(10, deadline.Token);
        }
    }
}
