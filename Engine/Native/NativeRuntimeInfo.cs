namespace LocalOpenAi.Engine.Native;

/// <summary>What the started llama.cpp runtime reports about itself.</summary>
/// <param name="Devices">Descriptions of the compute devices found, CPU included.</param>
/// <param name="SystemInfo">llama.cpp's feature line, e.g. which CPU variant (AVX2, AVX512) it picked.</param>
public sealed record NativeRuntimeInfo(string Directory, string Version, IReadOnlyList<string> Devices, string SystemInfo);
