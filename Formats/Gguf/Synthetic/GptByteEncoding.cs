namespace LocalOpenAi.Formats.Gguf.Synthetic;

/// <summary>
/// GPT-2's byte-to-unicode mapping used by byte-level BPE vocabularies: printable bytes map to
/// themselves, the rest to code points from U+0100 up (so a space is "Ġ", a newline "Ċ").
/// </summary>
internal static class GptByteEncoding
{
    private static readonly char[] ByteToChar = Build();

    public static char Encode(byte value) => ByteToChar[value];

    public static string Encode(string text) =>
        string.Concat(System.Text.Encoding.UTF8.GetBytes(text).Select(b => ByteToChar[b]));

    private static char[] Build()
    {
        var map = new char[256];
        var next = 256;
        for (var b = 0; b < 256; b++)
        {
            var printable = b is >= '!' and <= '~' or >= 0xA1 and <= 0xAC or >= 0xAE and <= 0xFF;
            map[b] = printable ? (char)b : (char)next++;
        }

        return map;
    }
}
