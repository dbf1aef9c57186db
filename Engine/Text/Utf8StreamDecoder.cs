using System.Text;

namespace LocalOpenAi.Engine.Text;

/// <summary>
/// Turns token pieces (raw UTF-8 bytes) into text, holding back a character whose bytes are split
/// across tokens until it is complete. Byte-level BPE vocabularies split emoji and CJK this way.
/// </summary>
public sealed class Utf8StreamDecoder
{
    private readonly Decoder _decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetDecoder();
    private char[] _chars = new char[64];

    /// <summary>Decodes the next bytes; returns the text completed by them (possibly empty).</summary>
    public string Append(ReadOnlySpan<byte> bytes)
    {
        var needed = _decoder.GetCharCount(bytes, flush: false);
        if (needed > _chars.Length)
        {
            _chars = new char[Math.Max(needed, _chars.Length * 2)];
        }

        var written = _decoder.GetChars(bytes, _chars, flush: false);
        return written == 0 ? string.Empty : new string(_chars, 0, written);
    }

    /// <summary>Ends the stream: an incomplete trailing character becomes U+FFFD.</summary>
    public string Flush()
    {
        var written = _decoder.GetChars(ReadOnlySpan<byte>.Empty, _chars, flush: true);
        return written == 0 ? string.Empty : new string(_chars, 0, written);
    }
}
