namespace LocalOpenAi.Engine.Text;

/// <summary>Where whole UTF-8 characters begin and end in a run of bytes cut out of a longer text.</summary>
internal static class Utf8Boundary
{
    /// <summary>The length of the longest prefix of <paramref name="bytes"/> that does not end inside a character.</summary>
    public static int CompleteLength(ReadOnlySpan<byte> bytes)
    {
        for (var back = 1; back <= Math.Min(4, bytes.Length); back++)
        {
            var lead = bytes[^back];
            if (IsContinuation(lead))
            {
                continue;
            }

            return SequenceLength(lead) > back ? bytes.Length - back : bytes.Length;
        }

        return bytes.Length;
    }

    /// <summary>How many leading bytes belong to a character that began before <paramref name="bytes"/>.</summary>
    public static int LeadingContinuations(ReadOnlySpan<byte> bytes)
    {
        var count = 0;
        while (count < bytes.Length && count < 3 && IsContinuation(bytes[count]))
        {
            count++;
        }

        return count;
    }

    private static bool IsContinuation(byte value) => (value & 0xC0) == 0x80;

    private static int SequenceLength(byte lead) => lead switch
    {
        < 0x80 => 1,
        >= 0xF0 => 4,
        >= 0xE0 => 3,
        _ => 2,
    };
}
