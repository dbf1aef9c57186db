namespace LocalOpenAi.Engine.Native;

/// <summary>Text a grammar admits as the only continuation.</summary>
/// <param name="Bytes">The forced UTF-8 bytes; empty when the grammar branches at once.</param>
/// <param name="EndsOutput">After <paramref name="Bytes"/> the grammar admits nothing but the end of generation.</param>
internal sealed record ForcedText(byte[] Bytes, bool EndsOutput)
{
    public static readonly ForcedText None = new([], false);
}
