using System.Globalization;

namespace LocalOpenAi.Server.Models.Pull;

/// <summary>
/// Shows download progress on a console stream: on a terminal, one bar redrawn in place
/// (<c>[#####-----]  48%  12.0/25.0 MiB  3.1 MiB/s</c>) at most every <see cref="TerminalInterval"/>;
/// otherwise (redirected to a file or a log) a plain line every <see cref="LineInterval"/>.
/// The finished state is always written, once.
/// </summary>
/// <remarks>Reports arrive on the downloading thread, one at a time; this type is not meant for concurrent reporters.</remarks>
internal sealed class ConsoleProgressBar(TextWriter writer, bool interactive, TimeProvider? timeProvider = null) : IProgress<PullProgress>
{
    /// <summary>How often the in-place bar is redrawn.</summary>
    public static readonly TimeSpan TerminalInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>How often a progress line is written when the stream is not a terminal.</summary>
    public static readonly TimeSpan LineInterval = TimeSpan.FromSeconds(5);

    private const int Width = 30;
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private long? _lastWrite;
    private bool _finished;

    /// <summary>A bar on standard error, in place only when standard error is a terminal.</summary>
    public static ConsoleProgressBar ForStandardError() => new(Console.Error, interactive: !Console.IsErrorRedirected);

    /// <inheritdoc />
    public void Report(PullProgress value)
    {
        var done = value.TotalBytes is { } total && value.BytesReceived >= total;
        if (_finished || (!done && _lastWrite is { } last && _time.GetElapsedTime(last) < (interactive ? TerminalInterval : LineInterval)))
        {
            return;
        }

        _lastWrite = _time.GetTimestamp();
        _finished = done;
        var text = Format(value);
        if (interactive)
        {
            writer.Write('\r' + text + (done ? Environment.NewLine : ""));
        }
        else
        {
            writer.WriteLine(text);
        }

        writer.Flush();
    }

    /// <summary>The text of one report, bar included when the size is known.</summary>
    public static string Format(PullProgress value)
    {
        var speed = $"{Size(value.BytesPerSecond)}/s";
        if (value.Fraction is not { } fraction)
        {
            return $"{value.File}  {Size(value.BytesReceived)}  {speed}";
        }

        var filled = (int)Math.Round(fraction * Width);
        return string.Create(CultureInfo.InvariantCulture,
            $"{value.File}  [{new string('#', filled)}{new string('-', Width - filled)}] {fraction * 100,3:F0}%  {Size(value.BytesReceived)}/{Size(value.TotalBytes!.Value)}  {speed}");
    }

    private static string Size(double bytes) => bytes switch
    {
        >= 1 << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1 << 30):F2} GiB"),
        >= 1 << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1 << 20):F1} MiB"),
        >= 1 << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1 << 10):F0} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes:F0} B"),
    };
}
