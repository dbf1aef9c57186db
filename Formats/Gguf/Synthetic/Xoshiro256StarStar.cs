using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;

namespace LocalOpenAi.Formats.Gguf.Synthetic;

/// <summary>
/// xoshiro256** seeded through SplitMix64: fast, and the same on every platform and .NET version
/// (unlike <see cref="Random"/>), so the same seed always yields the same model bytes.
/// </summary>
internal struct Xoshiro256StarStar
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public Xoshiro256StarStar(ulong seed, ulong stream)
    {
        var x = seed ^ (stream * 0xD1B54A32D192ED03UL);
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    public ulong NextUInt64()
    {
        var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Fills <paramref name="destination"/> with random bytes (little-endian words, so platform-independent).</summary>
    public void Fill(Span<byte> destination)
    {
        var words = MemoryMarshal.Cast<byte, ulong>(destination);
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = BitConverter.IsLittleEndian ? NextUInt64() : BinaryPrimitives.ReverseEndianness(NextUInt64());
        }

        var tail = destination[(words.Length * 8)..];
        for (var i = 0; i < tail.Length; i++)
        {
            tail[i] = (byte)NextUInt64();
        }
    }

    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
