using System.Runtime.InteropServices;

namespace LocalOpenAi.Engine.Native;

/// <summary>Finds GPU backends installed beside llama.cpp that did not start, and says why.</summary>
/// <remarks>
/// ggml loads its backends silently: a CUDA backend whose runtime libraries are missing is skipped,
/// and every layer runs on the CPU with nothing in the log. Loading the file again ourselves gets the
/// dynamic loader's reason.
/// </remarks>
internal static class GpuBackendCheck
{
    private static readonly GpuBackend[] Backends =
    [
        new("libggml-cuda.so", "CUDA",
            "node-llama-cpp 3.22.1's CUDA build needs the CUDA 13 runtime (libcudart.so.13, libcublas.so.13) and an NVIDIA driver of release 580 or later."),
        new("libggml-vulkan.so", "Vulkan",
            "The Vulkan build needs the Vulkan loader (libvulkan.so.1) and a GPU driver with Vulkan support."),
    ];

    /// <summary>One message per GPU backend file in <paramref name="directory"/> that registered no device.</summary>
    /// <param name="devices">The devices llama.cpp found, as "NAME: description" (CUDA0, Vulkan0, CPU).</param>
    public static IReadOnlyList<string> FindProblems(string directory, IReadOnlyList<string> devices)
    {
        var problems = new List<string>();
        foreach (var backend in Backends)
        {
            var path = Path.Combine(directory, backend.FileName);
            if (!File.Exists(path) || devices.Any(device => device.StartsWith(backend.DevicePrefix, StringComparison.Ordinal)))
            {
                continue;
            }

            problems.Add(LoadFailure(path) is { } reason
                ? $"llama.cpp's {backend.DevicePrefix} backend ({backend.FileName}) could not be loaded, so models run on the CPU. {reason} {backend.Requirements}"
                : $"llama.cpp's {backend.DevicePrefix} backend ({backend.FileName}) loaded but found no GPU, so models run on the CPU. Check the driver, and in a container that the GPU is passed in (docker run --gpus all).");
        }

        return problems;
    }

    private static string? LoadFailure(string path)
    {
        try
        {
            NativeLibrary.Free(NativeLibrary.Load(path));
            return null;
        }
        catch (Exception exception) when (exception is DllNotFoundException or BadImageFormatException)
        {
            return LoaderReason(exception.Message);
        }
    }

    /// <summary>The loader's own words: .NET puts them on the last line, after its advice on strace and LD_DEBUG.</summary>
    private static string LoaderReason(string message) =>
        message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? message;

    private sealed record GpuBackend(string FileName, string DevicePrefix, string Requirements);
}
