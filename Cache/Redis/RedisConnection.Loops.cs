using System.Buffers;

namespace LocalOpenAi.Cache.Redis;

internal sealed partial class RedisConnection
{
    private const long FlushThreshold = 1024 * 1024;

    private void StartLoops()
    {
        _writeLoop = Task.Run(WriteLoopAsync);
        _readLoop = Task.Run(ReadLoopAsync);
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            var outbox = _outbox.Reader;
            while (await outbox.WaitToReadAsync().ConfigureAwait(false))
            {
                while (outbox.TryRead(out var command))
                {
                    if (!TryRegisterInFlight(command))
                    {
                        var fault = CurrentFault();
                        command.Fail(fault.Kind, fault.Message);
                        continue;
                    }

                    RespWriter.WriteCommand(_writer, command.Args);
                    if (_writer.UnflushedBytes >= FlushThreshold)
                    {
                        await _writer.FlushAsync().ConfigureAwait(false);
                    }
                }

                var flush = await _writer.FlushAsync().ConfigureAwait(false);
                if (flush.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (Exception ex)
        {
            Fault(RedisErrorKind.ConnectionLost, $"write failed: {ex.Message}");
        }
        finally
        {
            await _writer.CompleteAsync().ConfigureAwait(false);
        }
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            while (true)
            {
                var result = await _reader.ReadAsync().ConfigureAwait(false);
                var buffer = result.Buffer;
                if (!TryConsumeReplies(buffer, out var consumed, out var error))
                {
                    Fault(RedisErrorKind.ProtocolError, error);
                    return;
                }

                _reader.AdvanceTo(consumed, buffer.End);
                if (result.IsCompleted || result.IsCanceled)
                {
                    Fault(RedisErrorKind.ConnectionLost, "connection closed by the server");
                    return;
                }
            }
        }
        catch (Exception ex)
        {
            Fault(RedisErrorKind.ConnectionLost, $"read failed: {ex.Message}");
        }
        finally
        {
            await _reader.CompleteAsync().ConfigureAwait(false);
        }
    }

    private bool TryConsumeReplies(ReadOnlySequence<byte> buffer, out SequencePosition consumed, out string error)
    {
        var reader = new SequenceReader<byte>(buffer);
        consumed = buffer.Start;
        error = string.Empty;
        while (!reader.End)
        {
            var status = RespParser.TryParse(ref reader, out var reply, out var parseError);
            if (status == RespParseStatus.Incomplete)
            {
                return true;
            }

            if (status == RespParseStatus.Invalid)
            {
                error = $"invalid reply from server: {parseError}";
                return false;
            }

            if (!TryCompleteOldest(reply!))
            {
                error = "reply received with no command waiting for it";
                return false;
            }

            consumed = reader.Position;
        }

        return true;
    }
}
