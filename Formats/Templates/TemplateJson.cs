using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LocalOpenAi.Formats.Templates;

/// <summary>
/// The <c>tojson</c> filter as chat templates see it (Hugging Face's override, also llama.cpp's):
/// Python <c>json.dumps</c> with <c>ensure_ascii=False</c>, keys in their given order, separators
/// <c>", "</c>/<c>": "</c>, or <c>","</c>/<c>": "</c> with an indent.
/// </summary>
internal static class TemplateJson
{
    public static string Serialize(JsonElement value, int? indent = null)
    {
        var text = new StringBuilder();
        Write(text, value, indent, 0);
        return text.ToString();
    }

    public static string Serialize(string value)
    {
        var text = new StringBuilder();
        WriteString(text, value);
        return text.ToString();
    }

    /// <summary>Arguments arrive as JSON text; templates expect the parsed value (a string when it is not JSON).</summary>
    public static JsonElement ParseArguments(string? arguments)
    {
        try
        {
            return JsonDocument.Parse(string.IsNullOrWhiteSpace(arguments) ? "{}" : arguments).RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(arguments);
        }
    }

    private static void Write(StringBuilder text, JsonElement value, int? indent, int level)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                WriteContainer(text, value.EnumerateObject().Select(p => ((string?)p.Name, p.Value)), '{', '}', indent, level);
                break;
            case JsonValueKind.Array:
                WriteContainer(text, value.EnumerateArray().Select(v => ((string?)null, v)), '[', ']', indent, level);
                break;
            case JsonValueKind.String:
                WriteString(text, value.GetString()!);
                break;
            case JsonValueKind.Number:
                text.Append(FormatNumber(value.GetRawText()));
                break;
            case JsonValueKind.True:
                text.Append("true");
                break;
            case JsonValueKind.False:
                text.Append("false");
                break;
            default:
                text.Append("null");
                break;
        }
    }

    private static void WriteContainer(StringBuilder text, IEnumerable<(string? Name, JsonElement Value)> items, char open, char close, int? indent, int level)
    {
        text.Append(open);
        var first = true;
        foreach (var (name, item) in items)
        {
            text.Append(first ? string.Empty : indent is null ? ", " : ",");
            if (indent is { } width)
            {
                text.Append('\n').Append(' ', width * (level + 1));
            }

            if (name is not null)
            {
                WriteString(text, name);
                text.Append(": ");
            }

            Write(text, item, indent, level + 1);
            first = false;
        }

        if (!first && indent is { } closing)
        {
            text.Append('\n').Append(' ', closing * level);
        }

        text.Append(close);
    }

    private static void WriteString(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => text.Append("\\\""),
                '\\' => text.Append("\\\\"),
                '\n' => text.Append("\\n"),
                '\r' => text.Append("\\r"),
                '\t' => text.Append("\\t"),
                '\b' => text.Append("\\b"),
                '\f' => text.Append("\\f"),
                < ' ' => text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => text.Append(c),
            };
        }

        text.Append('"');
    }

    /// <summary>Integers keep their digits; other numbers are written as Python's <c>repr(float)</c> would.</summary>
    private static string FormatNumber(string raw)
    {
        if (!raw.Contains('.') && !raw.Contains('e') && !raw.Contains('E'))
        {
            return raw;
        }

        var number = double.Parse(raw, CultureInfo.InvariantCulture);
        if (double.IsInfinity(number))
        {
            return number > 0 ? "Infinity" : "-Infinity";
        }

        // Shortest round-trip digits and a decimal exponent, then Python's layout rules.
        var shortest = number.ToString("R", CultureInfo.InvariantCulture);
        var negative = shortest.StartsWith('-');
        var unsigned = negative ? shortest[1..] : shortest;
        var exponentAt = unsigned.IndexOfAny(['E', 'e']);
        var mantissa = exponentAt < 0 ? unsigned : unsigned[..exponentAt];
        var exponent = exponentAt < 0 ? 0 : int.Parse(unsigned[(exponentAt + 1)..], CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.');
        var digits = point < 0 ? mantissa : mantissa.Remove(point, 1);
        var pointPosition = (point < 0 ? mantissa.Length : point) + exponent;
        var leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        if (digits.Length == 0)
        {
            return negative ? "-0.0" : "0.0";
        }

        pointPosition -= leadingZeros;
        var decimalExponent = pointPosition - 1;
        string body;
        if (decimalExponent < -4 || decimalExponent >= 16)
        {
            body = digits[..1] + (digits.Length > 1 ? "." + digits[1..] : string.Empty)
                + "e" + (decimalExponent < 0 ? "-" : "+") + Math.Abs(decimalExponent).ToString("00", CultureInfo.InvariantCulture);
        }
        else if (pointPosition <= 0)
        {
            body = "0." + new string('0', -pointPosition) + digits;
        }
        else if (pointPosition >= digits.Length)
        {
            body = digits + new string('0', pointPosition - digits.Length) + ".0";
        }
        else
        {
            body = digits[..pointPosition] + "." + digits[pointPosition..];
        }

        return negative ? "-" + body : body;
    }
}
