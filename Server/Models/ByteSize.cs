using System.Globalization;

namespace LocalOpenAi.Server.Models;

/// <summary>Reads and writes sizes such as <c>12GiB</c>, <c>512MB</c>, <c>8G</c> (binary, as Docker reads it) or plain bytes.</summary>
internal static class ByteSize
{
    private static readonly (string Suffix, long Factor)[] Units =
    [
        ("TiB", 1L << 40), ("GiB", 1L << 30), ("MiB", 1L << 20), ("KiB", 1L << 10),
        ("TB", 1_000_000_000_000), ("GB", 1_000_000_000), ("MB", 1_000_000), ("KB", 1_000),
        ("T", 1L << 40), ("G", 1L << 30), ("M", 1L << 20), ("K", 1L << 10), ("B", 1),
    ];

    public static bool TryParse(string? text, out long bytes)
    {
        bytes = 0;
        var trimmed = text?.Trim() ?? string.Empty;
        var (suffix, factor) = Units.FirstOrDefault(unit => trimmed.EndsWith(unit.Suffix, StringComparison.OrdinalIgnoreCase), (Suffix: string.Empty, Factor: 1L));
        if (!double.TryParse(trimmed[..^suffix.Length].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            || !double.IsFinite(number) || number <= 0 || number * factor >= long.MaxValue)
        {
            return false;
        }

        bytes = (long)(number * factor);
        return true;
    }

    public static string Format(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):F2} GiB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):F1} MiB",
        _ => $"{bytes / 1024.0:F0} KiB",
    };
}
