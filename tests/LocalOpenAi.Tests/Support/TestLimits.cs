namespace LocalOpenAi.Tests.Support;

/// <summary>
/// The one net for hangs, not a speed check: far above what any test takes on a loaded 2-core machine, and
/// under the test run's 5-minute hang timeout, so a hang fails its own test instead of ending the run.
/// </summary>
internal static class TestLimits
{
    public const int HangMilliseconds = 240_000;

    public static TimeSpan Hang => TimeSpan.FromMilliseconds(HangMilliseconds);
}
