using System.Globalization;

namespace LocalOpenAi.Server.Metrics;

/// <summary>
/// The tags of one measurement as the listener hands them over, used to find an existing series
/// without allocating a <see cref="LabelSet"/>.
/// </summary>
internal readonly ref struct MeasurementTags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
{
    public ReadOnlySpan<KeyValuePair<string, object?>> Tags { get; } = tags;

    public static string ValueText(object? value) => value switch
    {
        null => "",
        string text => text,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
