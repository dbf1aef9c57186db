using LocalOpenAi.Engine;
using LocalOpenAi.Engine.Native;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Engine;

public sealed class NativeRuntimeTests
{
    [Fact]
    public void Start_loads_the_npm_build_and_finds_a_cpu_device()
    {
        var info = LlamaBackend.Start();

        Assert.StartsWith(LlamaRuntime.ExpectedVersionPrefix, info.Version);
        Assert.Contains(info.Devices, device => device.StartsWith("CPU", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(info.Directory, "libllama.v0.5.0.so")));
    }

    [Fact]
    public void Start_picks_a_cpu_variant_that_uses_the_machines_vector_units()
    {
        var info = LlamaBackend.Start();
        var cpuFlags = File.ReadLines("/proc/cpuinfo").First(line => line.StartsWith("flags", StringComparison.Ordinal));

        // The generic x64 variant reports no AVX2; the loader must have chosen a better one.
        if (cpuFlags.Contains(" avx2", StringComparison.Ordinal))
        {
            Assert.Contains("AVX2 = 1", info.SystemInfo);
        }
    }

    [Fact]
    public void A_folder_without_libraries_is_refused_with_a_hint()
    {
        var exception = Assert.Throws<NativeLibraryException>(() => LlamaRuntime.CheckLibraries("/nonexistent/native"));

        Assert.Contains("LOCALOPENAI_NATIVE_DIR", exception.Message);
    }

    [Fact]
    public void A_library_of_another_llama_cpp_version_is_refused()
    {
        var folder = Directory.CreateTempSubdirectory("fake-native-").FullName;
        CompileLibrary(folder, "libllama.so", "const char * llama_version(void) { return \"0.4.7\"; }");

        var exception = Assert.Throws<NativeLibraryException>(() => LlamaRuntime.CheckLibraries(folder));

        Assert.Contains("0.4.7", exception.Message);
        Assert.Contains("3.22.1", exception.Message);
    }

    [Fact]
    public void A_gpu_build_named_after_its_backend_is_found_and_accepted()
    {
        // The layout of @node-llama-cpp/linux-x64-cuda: the backend's name sits in the file names.
        var folder = Directory.CreateTempSubdirectory("fake-cuda-native-").FullName;
        CompileLibrary(folder, "libllama.cuda.v0.5.0.so", "const char * llama_version(void) { return \"0.5.0\"; }");
        CompileLibrary(folder, "libggml.cuda.v0.5.0.so", "int ggml_marker;");
        CompileLibrary(folder, "libllama-common.so", "int common_marker;");

        Assert.Equal("0.5.0", LlamaRuntime.CheckLibraries(folder));
        Assert.Equal(Path.Combine(folder, "libllama.cuda.v0.5.0.so"), NativeLibraryResolver.FindFile(folder, LlamaNative.Llama));
        Assert.Equal(Path.Combine(folder, "libggml.cuda.v0.5.0.so"), NativeLibraryResolver.FindFile(folder, LlamaNative.Ggml));
    }

    [Fact]
    public void A_cuda_backend_whose_runtime_is_missing_is_reported_with_the_loaders_reason()
    {
        var folder = Directory.CreateTempSubdirectory("fake-cuda-backend-").FullName;
        CompileLibrary(folder, "libfakecudart.so", "int fake_cudart_marker;");
        CompileLibrary(folder, "libggml-cuda.so", "extern int fake_cudart_marker; int ggml_cuda_marker(void) { return fake_cudart_marker; }",
            "-L" + folder, "-Wl,--no-as-needed", "-lfakecudart");
        File.Delete(Path.Combine(folder, "libfakecudart.so"));

        var problem = Assert.Single(GpuBackendCheck.FindProblems(folder, ["CPU: a processor"]));

        Assert.Contains("could not be loaded, so models run on the CPU", problem);
        Assert.Contains("libfakecudart.so: cannot open shared object file", problem);
        Assert.DoesNotContain("strace", problem);
        Assert.Contains("CUDA 13", problem);
    }

    [Fact]
    public void A_cuda_backend_that_loads_but_registers_no_device_is_reported()
    {
        var folder = Directory.CreateTempSubdirectory("fake-cuda-backend-").FullName;
        CompileLibrary(folder, "libggml-cuda.so", "int ggml_cuda_marker;");

        var problem = Assert.Single(GpuBackendCheck.FindProblems(folder, ["CPU: a processor"]));

        Assert.Contains("found no GPU", problem);
    }

    [Fact]
    public void A_gpu_backend_with_a_device_or_no_gpu_backend_at_all_is_no_problem()
    {
        var withBackend = Directory.CreateTempSubdirectory("fake-cuda-backend-").FullName;
        CompileLibrary(withBackend, "libggml-cuda.so", "int ggml_cuda_marker;");
        var cpuOnly = Directory.CreateTempSubdirectory("fake-cpu-backend-").FullName;

        Assert.Empty(GpuBackendCheck.FindProblems(withBackend, ["CUDA0: NVIDIA H200", "CPU: a processor"]));
        Assert.Empty(GpuBackendCheck.FindProblems(cpuOnly, ["CPU: a processor"]));
    }

    private static void CompileLibrary(string folder, string fileName, string source, params string[] linkArguments) =>
        NativeCompiler.Compile(source, Path.Combine(folder, fileName), ["-shared", "-fPIC", .. linkArguments]);
}
