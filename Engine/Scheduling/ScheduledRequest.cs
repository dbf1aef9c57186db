using System.Threading.Channels;
using LocalOpenAi.Engine.Generation;
using LocalOpenAi.Engine.Native;

namespace LocalOpenAi.Engine.Scheduling;

/// <summary>A request between admission and completion, with the channel its chunks go out on.</summary>
/// <remarks>
/// While queued it is either admitted by the scheduler thread or withdrawn by its cancellation, never
/// both: whichever claims it first (<see cref="TryAdmit"/>, the cancellation callback) owns it.
/// </remarks>
internal sealed class ScheduledRequest(GenerationRequest request, NativeSamplerChain sampler, long enqueuedAt, CancellationToken cancellation)
{
    private const int Queued = 0;
    private const int Admitted = 1;
    private const int Withdrawn = 2;
    private int _state;
    private CancellationTokenRegistration _withdrawal;

    public GenerationRequest Request { get; } = request;

    public NativeSamplerChain Sampler { get; } = sampler;

    public CancellationToken Cancellation { get; } = cancellation;

    public long EnqueuedAt { get; } = enqueuedAt;

    public Channel<GenerationChunk> Output { get; } = Channel.CreateUnbounded<GenerationChunk>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    /// <summary>Runs <paramref name="withdraw"/> on cancellation if the request is still queued then (or already cancelled now).</summary>
    public void WithdrawOnCancel(Action<ScheduledRequest> withdraw) =>
        _withdrawal = Cancellation.Register(static state =>
        {
            var (request, withdraw) = ((ScheduledRequest, Action<ScheduledRequest>))state!;
            if (Interlocked.CompareExchange(ref request._state, Withdrawn, Queued) == Queued)
            {
                withdraw(request);
            }
        }, (this, withdraw));

    /// <summary>Claims a queued request for a slot; false when its cancellation withdrew it first.</summary>
    public bool TryAdmit()
    {
        if (Interlocked.CompareExchange(ref _state, Admitted, Queued) != Queued)
        {
            return false;
        }

        _withdrawal.Dispose();
        return true;
    }
}
