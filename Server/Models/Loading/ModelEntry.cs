using LocalOpenAi.Server.Models.Catalog;

namespace LocalOpenAi.Server.Models.Loading;

/// <summary>The model manager's record of one alias. Every field changes under the manager's lock.</summary>
internal sealed class ModelEntry(ModelDefinition definition)
{
    public ModelDefinition Definition { get; } = definition;

    public ModelRuntime? Current { get; set; }

    /// <summary>The load in progress, which every concurrent first request awaits.</summary>
    public Task<ModelFailure?>? Loading { get; set; }

    /// <summary>Memory set aside for the load in progress, counted against the budget until it ends.</summary>
    public ModelFootprint? Reserved { get; set; }

    /// <summary>The last footprint measured, for <c>/v1/models</c> while unloaded.</summary>
    public ModelFootprint? LastFootprint { get; set; }

    public long LastUsedTicks { get; set; }

    /// <summary>Why the last load failed; cleared by a successful one.</summary>
    public string? LastError { get; set; }

    /// <summary>An adapter file version that failed to load, not retried until the file changes again.</summary>
    public AdapterStamp? RejectedAdapter { get; set; }

    /// <summary>Whether a load ever succeeded (readiness does not flap when an idle alias is unloaded).</summary>
    public bool HasLoaded { get; set; }
}
