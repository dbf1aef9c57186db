using System.Globalization;
using System.Text.Json;

namespace LocalOpenAi.Cache;

/// <summary>Writes JSON in one canonical form: object keys sorted ordinally at every depth, no whitespace, numbers normalised.</summary>
/// <remarks>
/// Numbers that are equal as decimals are written the same way (<c>0</c>, <c>0.0</c> and <c>0e0</c> all
/// become <c>0</c>; <c>0.70</c> becomes <c>0.7</c>), so a client's float formatting does not split the cache.
/// Strings are re-escaped by the writer, so escape style in the input does not matter either.
/// </remarks>
internal static class CanonicalJson
{
    private const string DecimalFormat = "0.############################";

    public static void Write(Utf8JsonWriter writer, JsonElement element, IReadOnlySet<string>? skipTopLevel = null)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject()
                    .Where(p => skipTopLevel is null || !skipTopLevel.Contains(p.Name))
                    .OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(element.GetString());
                break;
            case JsonValueKind.Number:
                writer.WriteRawValue(CanonicalNumber(element), skipInputValidation: true);
                break;
            case JsonValueKind.True:
            case JsonValueKind.False:
                writer.WriteBooleanValue(element.GetBoolean());
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    internal static string CanonicalNumber(JsonElement number)
    {
        if (number.TryGetInt64(out var integer))
        {
            return integer.ToString(CultureInfo.InvariantCulture);
        }

        if (number.TryGetDecimal(out var value))
        {
            return value == 0 ? "0" : value.ToString(DecimalFormat, CultureInfo.InvariantCulture);
        }

        return number.GetDouble().ToString("R", CultureInfo.InvariantCulture);
    }
}
