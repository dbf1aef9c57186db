using LocalOpenAi.Server.Models.Pull;

namespace LocalOpenAi.Tests.Server.Pull;

public sealed class ConsoleProgressBarTests
{
    private const long MiB = 1024 * 1024;

    [Fact]
    public void Redirected_output_gets_a_line_every_interval_and_the_final_state()
    {
        var clock = new SteppingClock();
        var output = new StringWriter();
        var bar = new ConsoleProgressBar(output, interactive: false, clock);

        bar.Report(new PullProgress("m.gguf", 0, 10 * MiB, 0));
        bar.Report(new PullProgress("m.gguf", 1 * MiB, 10 * MiB, MiB));
        clock.Advance(ConsoleProgressBar.LineInterval);
        bar.Report(new PullProgress("m.gguf", 5 * MiB, 10 * MiB, MiB));
        bar.Report(new PullProgress("m.gguf", 10 * MiB, 10 * MiB, 2 * MiB));
        bar.Report(new PullProgress("m.gguf", 10 * MiB, 10 * MiB, 2 * MiB));

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains(" 50%", lines[1]);
        Assert.Contains("5.0 MiB/10.0 MiB", lines[1]);
        Assert.Contains("100%", lines[2]);
        Assert.Contains("2.0 MiB/s", lines[2]);
        Assert.DoesNotContain('\r', output.ToString());
    }

    [Fact]
    public void A_terminal_gets_one_bar_redrawn_in_place()
    {
        var clock = new SteppingClock();
        var output = new StringWriter();
        var bar = new ConsoleProgressBar(output, interactive: true, clock);

        bar.Report(new PullProgress("m.gguf", 0, 4 * MiB, 0));
        clock.Advance(ConsoleProgressBar.TerminalInterval);
        bar.Report(new PullProgress("m.gguf", 2 * MiB, 4 * MiB, MiB));
        bar.Report(new PullProgress("m.gguf", 4 * MiB, 4 * MiB, MiB));

        var text = output.ToString();
        Assert.Equal(3, text.Count(c => c == '\r'));
        Assert.EndsWith(Environment.NewLine, text);
        Assert.Contains("[###############---------------]  50%", text);
    }

    [Fact]
    public void An_unknown_size_shows_bytes_and_speed() =>
        Assert.Equal("m.gguf  3.0 MiB  512 KiB/s", ConsoleProgressBar.Format(new PullProgress("m.gguf", 3 * MiB, null, 512 * 1024)));

    private sealed class SteppingClock : TimeProvider
    {
        private long _ticks;

        public override long GetTimestamp() => _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
