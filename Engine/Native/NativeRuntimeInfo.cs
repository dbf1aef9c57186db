namespace LocalOpenAi.Engine.Native;

/// <summary>What the started llama.cpp runtime reports about itself.</summary>
/// <param name="Devices">The compute devices found as "NAME: description", e.g. "CPU: AMD EPYC".</param>
/// <param name="SystemInfo">llama.cpp's feature line, e.g. which CPU variant (AVX2, AVX512) it picked.</param>
public sealed record NativeRuntimeInfo(string Directory, string Version, IReadOnlyList<string> Devices, string SystemInfo);
