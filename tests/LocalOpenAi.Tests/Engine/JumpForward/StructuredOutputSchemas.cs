using System.Text.Json;

namespace LocalOpenAi.Tests.Engine.JumpForward;

/// <summary>
/// The four schemas of the structured-output benchmark (benchmarks/structured-output-schemas.json), every
/// string bounded so that random weights finish a document.
/// </summary>
public static class StructuredOutputSchemas
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Schemas = new(Load);

    public static IEnumerable<string> Names => Schemas.Value.Keys;

    public static string Get(string name) => Schemas.Value[name];

    private static IReadOnlyDictionary<string, string> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "structured-output-schemas.json")));
        return document.RootElement.EnumerateObject().ToDictionary(property => property.Name, property => property.Value.GetRawText());
    }
}
