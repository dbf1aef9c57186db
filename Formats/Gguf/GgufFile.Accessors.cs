namespace LocalOpenAi.Formats.Gguf;

/// <summary>Typed metadata accessors: <c>Get*</c> throw <see cref="GgufFormatException"/>, <c>TryGet*</c> return false.</summary>
public sealed partial class GgufFile
{
    /// <summary>A STRING value.</summary>
    public string GetString(string key) => Get<string>(key);

    /// <summary>A UINT32 value.</summary>
    public uint GetUInt32(string key) => Get<uint>(key);

    /// <summary>An INT32 value.</summary>
    public int GetInt32(string key) => Get<int>(key);

    /// <summary>A UINT64 value.</summary>
    public ulong GetUInt64(string key) => Get<ulong>(key);

    /// <summary>A FLOAT32 value.</summary>
    public float GetFloat32(string key) => Get<float>(key);

    /// <summary>A BOOL value.</summary>
    public bool GetBool(string key) => Get<bool>(key);

    /// <summary>A STRING value, or false when absent or of another type.</summary>
    public bool TryGetString(string key, out string value) => TryGet(key, out value);

    /// <summary>A UINT32 value, or false when absent or of another type.</summary>
    public bool TryGetUInt32(string key, out uint value) => TryGet(key, out value);

    /// <summary>A FLOAT32 value, or false when absent or of another type.</summary>
    public bool TryGetFloat32(string key, out float value) => TryGet(key, out value);

    /// <summary>Any integer type (UINT8 ... INT64) widened to <see cref="long"/>, or false.</summary>
    public bool TryGetInteger(string key, out long value)
    {
        value = 0;
        return _byKey.TryGetValue(key, out var raw) && raw.TryAsInteger(out value);
    }

    /// <summary>A scalar of CLR type <typeparamref name="T"/> (<see cref="uint"/> for UINT32, ...).</summary>
    /// <exception cref="GgufFormatException">The key is missing or holds another type.</exception>
    public T Get<T>(string key)
    {
        var raw = GetRequired(key);
        return raw.TryAs<T>(out var value)
            ? value
            : throw new GgufFormatException($"GGUF metadata key '{key}' has type {raw.Type}, expected {typeof(T).Name}");
    }

    /// <summary>A scalar of CLR type <typeparamref name="T"/>, or false when absent or of another type.</summary>
    public bool TryGet<T>(string key, out T value)
    {
        if (_byKey.TryGetValue(key, out var raw))
        {
            return raw.TryAs(out value);
        }

        value = default!;
        return false;
    }

    /// <summary>An array with elements of CLR type <typeparamref name="T"/> (<see cref="string"/> for an array of STRING, ...).</summary>
    /// <exception cref="GgufFormatException">The key is missing or is not such an array.</exception>
    public IReadOnlyList<T> GetArray<T>(string key)
    {
        var raw = GetRequired(key);
        return raw.IsArray && raw.RawValue is T[] items
            ? items
            : throw new GgufFormatException($"GGUF metadata key '{key}' is {raw}, expected an array of {typeof(T).Name}");
    }

    /// <summary>An array with elements of CLR type <typeparamref name="T"/>, or false.</summary>
    public bool TryGetArray<T>(string key, out IReadOnlyList<T> values)
    {
        if (_byKey.TryGetValue(key, out var raw) && raw.RawValue is T[] items)
        {
            values = items;
            return true;
        }

        values = [];
        return false;
    }

    private GgufValue GetRequired(string key) =>
        _byKey.TryGetValue(key, out var raw) ? raw : throw new GgufFormatException($"GGUF metadata key '{key}' is missing");
}
