using System.Collections;
using System.Globalization;

namespace LocalOpenAi.Formats.Gguf;

/// <summary>
/// One immutable GGUF metadata value: a scalar, a string, or an array (arrays of arrays included).
/// </summary>
/// <remarks>
/// Scalars are held as their CLR type (<see cref="byte"/> for UINT8 ... <see cref="double"/> for FLOAT64),
/// arrays as a CLR array of the element type, and arrays of arrays as <see cref="GgufValue"/>[].
/// Equality is structural, so read-back values can be compared with written ones.
/// </remarks>
public sealed partial class GgufValue : IEquatable<GgufValue>
{
    private readonly object _value;

    private GgufValue(GgufValueType type, GgufValueType elementType, object value)
    {
        Type = type;
        ElementType = elementType;
        _value = value;
    }

    /// <summary>The stored type tag; <see cref="GgufValueType.Array"/> for arrays.</summary>
    public GgufValueType Type { get; }

    /// <summary>For arrays, the element type; for scalars, the same as <see cref="Type"/>.</summary>
    public GgufValueType ElementType { get; }

    /// <summary>True for arrays.</summary>
    public bool IsArray => Type == GgufValueType.Array;

    /// <summary>Number of elements of an array; 1 for a scalar.</summary>
    public int Count => _value is Array array ? array.Length : 1;

    /// <summary>The scalar as <typeparamref name="T"/> (e.g. <see cref="uint"/> for UINT32).</summary>
    /// <exception cref="InvalidOperationException">The value is not a scalar of that CLR type.</exception>
    public T As<T>() => !IsArray && _value is T typed
        ? typed
        : throw new InvalidOperationException($"GGUF value of type {Describe()} is not a {typeof(T).Name}");

    /// <summary>The scalar as <typeparamref name="T"/>, or false when it has another type.</summary>
    public bool TryAs<T>(out T value)
    {
        if (!IsArray && _value is T typed)
        {
            value = typed;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>The array elements as <typeparamref name="T"/> (e.g. <see cref="string"/> for an array of STRING).</summary>
    /// <exception cref="InvalidOperationException">The value is not an array of that CLR type.</exception>
    public IReadOnlyList<T> AsArray<T>() => _value is T[] typed
        ? typed
        : throw new InvalidOperationException($"GGUF value of type {Describe()} is not an array of {typeof(T).Name}");

    /// <summary>Any integer scalar (UINT8 ... INT64) as a <see cref="long"/>; false otherwise or on overflow.</summary>
    public bool TryAsInteger(out long value)
    {
        (var ok, value) = _value switch
        {
            byte v => (true, v),
            sbyte v => (true, v),
            ushort v => (true, v),
            short v => (true, v),
            uint v => (true, v),
            int v => (true, v),
            long v => (true, v),
            ulong v when v <= long.MaxValue => (true, (long)v),
            _ => (false, 0L),
        };
        return ok && !IsArray;
    }

    /// <inheritdoc />
    public bool Equals(GgufValue? other) =>
        other is not null
        && Type == other.Type
        && ElementType == other.ElementType
        && StructuralComparisons.StructuralEqualityComparer.Equals(_value, other._value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as GgufValue);

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(Type, ElementType, StructuralComparisons.StructuralEqualityComparer.GetHashCode(_value));

    /// <inheritdoc />
    public override string ToString() => _value switch
    {
        Array array => $"{Describe()}[{array.Length}]",
        string s => s.Length > 64 ? string.Concat(s.AsSpan(0, 64), "...") : s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => _value.ToString() ?? string.Empty,
    };

    internal object RawValue => _value;

    private string Describe() => IsArray ? $"ARRAY of {ElementType}" : Type.ToString();
}
