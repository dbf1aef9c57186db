using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Extensions.Logging;

namespace LocalOpenAi.Engine.Native;

/// <summary>Routes llama.cpp's and ggml's log lines into an <see cref="ILogger"/>.</summary>
/// <remarks>
/// llama.cpp logs line fragments (level CONT continues the previous line), from any thread.
/// Debug chatter (over a thousand lines per model load) goes to Trace.
/// </remarks>
internal static unsafe class NativeLogBridge
{
    private const int LevelDebug = 1;
    private const int LevelInfo = 2;
    private const int LevelWarn = 3;
    private const int LevelError = 4;
    private const int LevelContinue = 5;

    private static ILogger? s_logger;
    private static readonly StringBuilder Pending = new();
    private static readonly Lock PendingLock = new();
    private static LogLevel s_pendingLevel = LogLevel.Trace;

    public static void Install(ILogger logger)
    {
        s_logger = logger;
        LlamaNative.LogSet((nint)(delegate* unmanaged[Cdecl]<int, byte*, nint, void>)&OnLog, 0);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnLog(int level, byte* text, nint userData)
    {
        var logger = s_logger;
        if (logger is null || text is null)
        {
            return;
        }

        var fragment = Marshal.PtrToStringUTF8((nint)text) ?? string.Empty;
        lock (PendingLock)
        {
            if (level != LevelContinue)
            {
                s_pendingLevel = ToLogLevel(level);
            }

            Pending.Append(fragment);
            if (!fragment.EndsWith('\n'))
            {
                return;
            }

            var line = Pending.ToString().TrimEnd();
            Pending.Clear();
            if (line.Length > 0 && logger.IsEnabled(s_pendingLevel))
            {
                logger.Log(s_pendingLevel, "llama.cpp: {NativeMessage}", line);
            }
        }
    }

    private static LogLevel ToLogLevel(int level) => level switch
    {
        LevelError => LogLevel.Error,
        LevelWarn => LogLevel.Warning,
        LevelInfo => LogLevel.Debug,
        LevelDebug => LogLevel.Trace,
        _ => LogLevel.Trace,
    };
}
