namespace LocalOpenAi.Server.Models.Catalog;

/// <summary>A LoRA adapter as written in a models file.</summary>
internal sealed record ModelsFileAdapter
{
    public string? Path { get; init; }

    public float? Scale { get; init; }
}
