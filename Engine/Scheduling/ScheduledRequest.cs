using System.Threading.Channels;
using LocalOpenAi.Engine.Generation;
using LocalOpenAi.Engine.Native;

namespace LocalOpenAi.Engine.Scheduling;

/// <summary>A request between admission and completion, with the channel its chunks go out on.</summary>
internal sealed class ScheduledRequest(GenerationRequest request, NativeSamplerChain sampler, long enqueuedAt, CancellationToken cancellation)
{
    public GenerationRequest Request { get; } = request;

    public NativeSamplerChain Sampler { get; } = sampler;

    public CancellationToken Cancellation { get; } = cancellation;

    public long EnqueuedAt { get; } = enqueuedAt;

    public Channel<GenerationChunk> Output { get; } = Channel.CreateUnbounded<GenerationChunk>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
}
