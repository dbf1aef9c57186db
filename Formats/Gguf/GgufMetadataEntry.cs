namespace LocalOpenAi.Formats.Gguf;

/// <summary>One metadata key/value pair, in file order.</summary>
/// <param name="Key">The key, e.g. <c>general.architecture</c>.</param>
/// <param name="Value">The value.</param>
public sealed record GgufMetadataEntry(string Key, GgufValue Value);
