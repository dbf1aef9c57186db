namespace LocalOpenAi.Tests.Deploy;

/// <summary>The CUDA image: CUDA 13 runtime base, the CUDA llama.cpp build, every layer on the GPU.</summary>
public sealed class GpuDockerfileTests
{
    private readonly Dockerfile _dockerfile = Dockerfile.Load("Dockerfile.gpu");

    [Fact]
    public void Runtime_is_a_CUDA_13_runtime_image_with_the_aspnet_runtime_copied_in()
    {
        var runtime = _dockerfile.FinalStage;

        // node-llama-cpp 3.22.1's libggml-cuda.so needs libcudart.so.13 and libcublas.so.13.
        Assert.Matches(@"^nvidia/cuda:13\.\d+\.\d+-runtime-ubuntu\d\d\.04$", runtime.BaseImage);
        var dotnet = Assert.Single(_dockerfile.Stages, stage => stage.BaseImage.StartsWith("mcr.microsoft.com/dotnet/aspnet:10.0", StringComparison.Ordinal));
        Assert.Contains(runtime.All("COPY"), copy => copy.Flags.GetValueOrDefault("from") == dotnet.Name
            && copy.Body.StartsWith("/usr/share/dotnet ", StringComparison.Ordinal));
        Assert.Contains(runtime.All("RUN"), run => run.Body.Contains("/usr/bin/dotnet", StringComparison.Ordinal));
        Assert.Contains(runtime.All("RUN"), run => run.Body.Contains("useradd --uid 1654", StringComparison.Ordinal));
    }

    [Fact]
    public void Builds_the_CUDA_variant_of_llama_cpp()
    {
        Assert.Equal("linux-x64-cuda", _dockerfile.GlobalArgs["LLAMA_NATIVE_VARIANT"]);
        var build = _dockerfile.Stages.Single(stage => stage.Name == "build");
        Assert.Contains(build.All("RUN"), run => run.Body.Contains("dotnet publish", StringComparison.Ordinal)
            && run.Body.Contains("-p:LlamaNativeVariant=${LLAMA_NATIVE_VARIANT}", StringComparison.Ordinal));
        Assert.Contains(build.All("ARG"), arg => arg.Body == "LLAMA_NATIVE_VARIANT");
    }

    [Fact]
    public void Offloads_every_layer_and_exposes_the_GPU()
    {
        var environment = DockerfileTests.EnvironmentOf(_dockerfile.FinalStage);

        Assert.Equal("-1", environment["LOCALOPENAI__INFERENCE__GPULAYERS"]);
        Assert.Equal("all", environment["NVIDIA_VISIBLE_DEVICES"]);
        Assert.Equal("compute,utility", environment["NVIDIA_DRIVER_CAPABILITIES"]);
        Assert.Equal("1", environment["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"]);
    }

    [Fact]
    public void The_CPU_image_builds_the_CPU_variant()
    {
        var cpu = Dockerfile.Load("Dockerfile.cpu");

        Assert.Equal("linux-x64", cpu.GlobalArgs["LLAMA_NATIVE_VARIANT"]);
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:10.0", cpu.FinalStage.BaseImage, StringComparison.Ordinal);
    }
}
