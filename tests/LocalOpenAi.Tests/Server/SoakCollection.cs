namespace LocalOpenAi.Tests.Server;

/// <summary>
/// The soak test runs alone, after the parallel collections: its memory check reads the whole test process's
/// working set, which other tests loading models at the same time would grow.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SoakCollection
{
    public const string Name = "soak";
}
