namespace LocalOpenAi.Server.Upstream;

internal sealed partial class UpstreamForwarder
{
    /// <summary>Log lines of the upstream path; none carries the key or a body.</summary>
    internal static partial class Log
    {
        [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Upstream attempt failed: {Kind} (status {Status}).")]
        public static partial void AttemptFailed(ILogger logger, string kind, int? status);

        [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Retrying upstream (attempt {Attempt}) after {Error} in {Delay}.")]
        public static partial void Retrying(ILogger logger, int attempt, UpstreamError error, TimeSpan delay);

        [LoggerMessage(EventId = 6003, Level = LogLevel.Warning, Message = "Upstream circuit opened for {BreakMs} ms.")]
        public static partial void CircuitOpened(ILogger logger, long breakMs);

        [LoggerMessage(EventId = 6004, Level = LogLevel.Information, Message = "Upstream circuit half-open: probing.")]
        public static partial void CircuitHalfOpened(ILogger logger);

        [LoggerMessage(EventId = 6005, Level = LogLevel.Information, Message = "Upstream circuit closed.")]
        public static partial void CircuitClosed(ILogger logger);

        [LoggerMessage(EventId = 6006, Level = LogLevel.Debug, Message = "Upstream circuit open: failing fast.")]
        public static partial void CircuitOpenFailFast(ILogger logger);

        [LoggerMessage(EventId = 6007, Level = LogLevel.Warning, Message = "Upstream stream cut after {Bytes} bytes were relayed.")]
        public static partial void StreamCut(ILogger logger, long bytes);
    }
}
