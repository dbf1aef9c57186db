namespace LocalOpenAi.Cache.Redis;

/// <summary>A command waiting to be written, then waiting for its reply.</summary>
internal sealed class PendingCommand(IReadOnlyList<ReadOnlyMemory<byte>> args)
{
    private readonly TaskCompletionSource<RedisReply> _reply = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<ReadOnlyMemory<byte>> Args { get; } = args;

    public Task<RedisReply> Reply => _reply.Task;

    public void Complete(RedisReply reply) => _reply.TrySetResult(reply);

    public void Fail(RedisErrorKind kind, string message) => _reply.TrySetException(new RedisException(kind, message));
}
