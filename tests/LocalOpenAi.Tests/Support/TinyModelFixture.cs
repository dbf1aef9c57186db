using LocalOpenAi.Engine;
using LocalOpenAi.Engine.Scheduling;

namespace LocalOpenAi.Tests.Support;

/// <summary>The tiny synthetic model loaded once through real llama.cpp, with a 4-slot scheduler.</summary>
public sealed class TinyModelFixture : IDisposable
{
    public TinyModelFixture()
    {
        Model = LlamaModel.Load(TestModels.TinyPath);
        Scheduler = new InferenceScheduler(Model, new SchedulerOptions(Slots: 4, ContextSize: 4096, Threads: 2, QueueSize: 8));
    }

    public LlamaModel Model { get; }

    public InferenceScheduler Scheduler { get; }

    public void Dispose()
    {
        Scheduler.Dispose();
        Model.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class TinyModelCollection : ICollectionFixture<TinyModelFixture>
{
    public const string Name = "tiny model";
}
