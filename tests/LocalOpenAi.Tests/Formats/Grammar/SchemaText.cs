using System.Text.Json;
using LocalOpenAi.Formats.Grammar;

namespace LocalOpenAi.Tests.Formats.Grammar;

/// <summary>The service's own validator over schema and instance texts.</summary>
internal static class SchemaText
{
    public static bool Validates(string schema, string instance)
    {
        using var schemaDocument = JsonDocument.Parse(schema);
        using var instanceDocument = JsonDocument.Parse(instance);
        return JsonSchemaValidator.Validate(schemaDocument.RootElement, instanceDocument.RootElement).IsValid;
    }
}
