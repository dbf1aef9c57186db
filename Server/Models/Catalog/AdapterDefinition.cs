namespace LocalOpenAi.Server.Models.Catalog;

/// <summary>A LoRA adapter applied over an alias's base model, at <paramref name="Scale"/> (0 leaves the base unchanged).</summary>
internal sealed record AdapterDefinition(string Path, float Scale);
