namespace LocalOpenAi.Server.Models.Catalog;

/// <summary>The aliases this server can serve, in the order they were configured, and the default one.</summary>
internal sealed class ModelCatalog
{
    private readonly Dictionary<string, ModelDefinition> _byAlias;

    public ModelCatalog(IReadOnlyList<ModelDefinition> definitions, string? defaultAlias)
    {
        Definitions = definitions;
        _byAlias = definitions.ToDictionary(definition => definition.Alias, StringComparer.OrdinalIgnoreCase);
        DefaultAlias = defaultAlias ?? (definitions.Count > 0 ? definitions[0].Alias : null);
    }

    public static ModelCatalog Empty { get; } = new([], null);

    public IReadOnlyList<ModelDefinition> Definitions { get; }

    /// <summary>Where requests that name no model go; null when nothing is configured.</summary>
    public string? DefaultAlias { get; }

    public ModelDefinition? Find(string alias) => _byAlias.GetValueOrDefault(alias);
}
