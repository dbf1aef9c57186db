using Microsoft.Extensions.Logging;

namespace LocalOpenAi.Engine.Native;

internal static partial class RuntimeLog
{
    [LoggerMessage(1, LogLevel.Warning, "{Problem}")]
    public static partial void GpuBackendUnavailable(ILogger logger, string problem);
}
