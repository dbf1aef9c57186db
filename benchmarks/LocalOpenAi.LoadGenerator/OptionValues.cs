using System.Globalization;

namespace LocalOpenAi.LoadGenerator;

/// <summary>Typed reads of <c>--name value</c> pairs that record a message instead of throwing.</summary>
internal sealed class OptionValues(IReadOnlyDictionary<string, string> values, List<string> errors)
{
    public static IReadOnlySet<string> Known { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "--base-url", "--model", "--requests", "--concurrency", "--max-tokens", "--prompt-tokens",
        "--system-prompt-file", "--shared-system-prompt-tokens", "--temperature", "--ignore-eos",
        "--timeout", "--deadline", "--warmup", "--first-request", "--agents", "--json-out", "--label",
    };

    public int Int(string name, int fallback, int min)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min)
        {
            return value;
        }

        errors.Add($"{name} must be an integer >= {min}, not '{text}'");
        return fallback;
    }

    public double Double(string name, double fallback)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0 && double.IsFinite(value))
        {
            return value;
        }

        errors.Add($"{name} must be a non-negative number, not '{text}'");
        return fallback;
    }

    public IReadOnlyList<int> IntList(string name, string fallback)
    {
        var text = values.GetValueOrDefault(name, fallback);
        var levels = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= 1024)
            {
                levels.Add(value);
            }
            else
            {
                errors.Add($"{name} takes integers from 1 to 1024 separated by commas, not '{text}'");
                return [1];
            }
        }

        return levels.Count > 0 ? levels : [1];
    }
}
