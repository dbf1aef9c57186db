using System.Globalization;

namespace LocalOpenAi.Benchmarks;

/// <summary>Command-line settings of the structured-output benchmark.</summary>
internal sealed record StructuredOutputOptions(string ModelPath, string SchemasPath, int Threads, int MaxTokens, int Rounds, int Requests)
{
    public const string Usage = "usage: structured -m MODEL.gguf [--schemas FILE.json] [-t 2] [-n 256] [-r 3] [--requests 4]";

    public static StructuredOutputOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i]] = args[i + 1];
        }

        return new StructuredOutputOptions(
            values.GetValueOrDefault("-m") ?? throw new ArgumentException(Usage),
            values.GetValueOrDefault("--schemas") ?? Path.Combine(AppContext.BaseDirectory, "structured-output-schemas.json"),
            Number(values, "-t", 2),
            Number(values, "-n", 256),
            Number(values, "-r", 3),
            Number(values, "--requests", 4));
    }

    private static int Number(Dictionary<string, string> values, string name, int fallback) =>
        values.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
