using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace LocalOpenAi.Engine.Native;

/// <summary>One-time start of llama.cpp: library resolution, version check, backends, logging.</summary>
internal static class LlamaRuntime
{
    /// <summary>The llama.cpp version our struct layouts and signatures are written for.</summary>
    public const string ExpectedVersionPrefix = "0.5.";

    private static readonly Lock StartLock = new();
    private static NativeRuntimeInfo? s_info;

    public static NativeRuntimeInfo Start(string directory, ILogger logger)
    {
        lock (StartLock)
        {
            if (s_info is not null)
            {
                return s_info;
            }

            var version = CheckLibraries(directory);
            NativeLibraryResolver.Install(directory);
            NativeLogBridge.Install(logger);
            LlamaNative.BackendLoadAllFromPath(directory);
            LlamaNative.BackendInit();
            var devices = ListDevices();
            foreach (var problem in GpuBackendCheck.FindProblems(directory, devices))
            {
                RuntimeLog.GpuBackendUnavailable(logger, problem);
            }

            s_info = new NativeRuntimeInfo(directory, version, devices, Marshal.PtrToStringUTF8(LlamaNative.SystemInfo()) ?? string.Empty);
            return s_info;
        }
    }

    /// <summary>Checks that <paramref name="directory"/> holds a llama.cpp build we can bind to; returns its version.</summary>
    /// <exception cref="NativeLibraryException">Missing, unloadable, or of another version.</exception>
    internal static string CheckLibraries(string directory)
    {
        var path = NativeLibraryResolver.FindFile(directory, LlamaNative.Llama)
            ?? throw new NativeLibraryException(
                $"The llama.cpp libraries were not found in '{directory}'. Build the solution (it fetches them with npm) or set LOCALOPENAI_NATIVE_DIR to a folder holding libllama and libggml.");
        var version = ReadVersion(path);
        if (!version.StartsWith(ExpectedVersionPrefix, StringComparison.Ordinal))
        {
            throw new NativeLibraryException(
                $"The llama.cpp library in '{directory}' is version {version}; LocalOpenAi is built for {ExpectedVersionPrefix}x (node-llama-cpp 3.22.1). Point LOCALOPENAI_NATIVE_DIR at a build of that version.");
        }

        return version;
    }

    /// <summary>Reads <c>llama_version()</c> from the library file itself, before anything binds to it.</summary>
    private static unsafe string ReadVersion(string path)
    {
        nint library;
        try
        {
            library = NativeLibrary.Load(path);
        }
        catch (DllNotFoundException exception)
        {
            throw new NativeLibraryException($"The llama.cpp library '{path}' could not be loaded: {exception.Message}");
        }

        if (!NativeLibrary.TryGetExport(library, "llama_version", out var export))
        {
            return "unknown (no llama_version export)";
        }

        var version = ((delegate* unmanaged[Cdecl]<nint>)export)();
        return Marshal.PtrToStringUTF8(version) ?? "unknown";
    }

    private static IReadOnlyList<string> ListDevices()
    {
        var count = (int)LlamaNative.DeviceCount();
        var devices = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var device = LlamaNative.DeviceGet((nuint)i);
            var name = Marshal.PtrToStringUTF8(LlamaNative.DeviceName(device)) ?? "unknown";
            var description = Marshal.PtrToStringUTF8(LlamaNative.DeviceDescription(device)) ?? string.Empty;
            devices.Add($"{name}: {description}");
        }

        return devices;
    }
}
