using System.IO.Pipelines;
using System.Net.Sockets;
using System.Threading.Channels;

namespace LocalOpenAi.Cache.Redis;

/// <summary>One pipelined, multiplexed connection to Redis.</summary>
/// <remarks>
/// Callers post commands to an unbounded channel; a single write loop writes them in order and
/// records each in the in-flight FIFO before its bytes leave, then flushes once per burst. A single
/// read loop parses replies and completes the oldest in-flight command. Any transport or protocol
/// failure faults the connection: every queued and in-flight command fails at once and the
/// connection is never used again (the pool builds a new one).
/// </remarks>
internal sealed partial class RedisConnection : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly Stream _stream;
    private readonly PipeReader _reader;
    private readonly PipeWriter _writer;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _commandTimeout;
    private readonly Channel<PendingCommand> _outbox =
        Channel.CreateUnbounded<PendingCommand>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Queue<PendingCommand> _inFlight = new();
    private readonly Lock _gate = new();
    private Task _writeLoop = Task.CompletedTask;
    private Task _readLoop = Task.CompletedTask;
    private (RedisErrorKind Kind, string Message)? _fault;

    private RedisConnection(Socket socket, Stream stream, TimeProvider timeProvider, TimeSpan commandTimeout)
    {
        _socket = socket;
        _stream = stream;
        _timeProvider = timeProvider;
        _commandTimeout = commandTimeout;
        _reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, leaveOpen: true));
        _writer = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));
    }

    /// <summary>False once the connection has faulted or been disposed.</summary>
    public bool IsHealthy
    {
        get
        {
            lock (_gate)
            {
                return _fault is null;
            }
        }
    }

    /// <summary>Sends one command and awaits its reply (which may be an error reply).</summary>
    /// <exception cref="RedisException">The connection failed or the reply timed out.</exception>
    public async Task<RedisReply> SendAsync(IReadOnlyList<ReadOnlyMemory<byte>> args, CancellationToken cancellationToken)
    {
        var command = new PendingCommand(args);
        if (!_outbox.Writer.TryWrite(command))
        {
            var fault = CurrentFault();
            throw new RedisException(fault.Kind, fault.Message);
        }

        try
        {
            return await command.Reply.WaitAsync(_commandTimeout, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The reply may still come, but later replies would queue behind a stalled server:
            // drop the connection so callers fail fast and the pool reconnects.
            var message = $"no reply within {_commandTimeout.TotalMilliseconds:0} ms";
            Fault(RedisErrorKind.Timeout, message);
            throw new RedisException(RedisErrorKind.Timeout, message);
        }
    }

    /// <summary>Marks the connection broken and fails every queued and in-flight command.</summary>
    public void Fault(RedisErrorKind kind, string message)
    {
        PendingCommand[] failed;
        lock (_gate)
        {
            if (_fault is not null)
            {
                return;
            }

            _fault = (kind, message);
            _outbox.Writer.TryComplete();
            failed = [.. _inFlight];
            _inFlight.Clear();
        }

        // A command that timed out leaves behind a connection that is merely slow; the others it
        // takes down are told the connection was lost.
        var othersKind = kind == RedisErrorKind.Timeout ? RedisErrorKind.ConnectionLost : kind;
        foreach (var command in failed)
        {
            command.Fail(othersKind, message);
        }

        while (_outbox.Reader.TryRead(out var queued))
        {
            queued.Fail(othersKind, message);
        }

        _socket.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        Fault(RedisErrorKind.ConnectionLost, "connection disposed");
        try
        {
            await Task.WhenAll(_writeLoop, _readLoop).ConfigureAwait(false);
        }
        finally
        {
            await _stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    private (RedisErrorKind Kind, string Message) CurrentFault()
    {
        lock (_gate)
        {
            return _fault ?? (RedisErrorKind.ConnectionLost, "connection closed");
        }
    }

    private bool TryRegisterInFlight(PendingCommand command)
    {
        lock (_gate)
        {
            if (_fault is not null)
            {
                return false;
            }

            _inFlight.Enqueue(command);
            return true;
        }
    }

    private bool TryCompleteOldest(RedisReply reply)
    {
        PendingCommand? command;
        lock (_gate)
        {
            _inFlight.TryDequeue(out command);
        }

        command?.Complete(reply);
        return command is not null;
    }
}
