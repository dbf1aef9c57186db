namespace LocalOpenAi.Server.Models.Catalog;

/// <summary>A models file (<c>--models-file</c>, YAML or JSON) as written: aliases and the default one.</summary>
internal sealed record ModelsFileDocument
{
    /// <summary>The alias a request that names no model goes to; the first alias when absent.</summary>
    public string? Default { get; init; }

    public Dictionary<string, ModelsFileEntry?>? Models { get; init; }
}
