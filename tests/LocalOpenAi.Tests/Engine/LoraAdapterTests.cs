using LocalOpenAi.Engine;
using LocalOpenAi.Engine.Generation;
using LocalOpenAi.Engine.Sampling;
using LocalOpenAi.Engine.Scheduling;
using LocalOpenAi.Formats.Gguf;
using LocalOpenAi.Formats.Gguf.Synthetic;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Engine;

/// <summary>Synthetic LoRA adapters on the tiny model through real llama.cpp, each test with its own model.</summary>
public sealed class LoraAdapterTests : IDisposable
{
    private const int GeneratedTokens = 16;

    private readonly LlamaModel _model = LlamaModel.Load(TestModels.TinyPath);

    public void Dispose() => _model.Dispose();

    [Fact]
    public void Llama_cpp_loads_the_synthetic_adapter_onto_the_tiny_model()
    {
        var path = TestModels.Adapter(SyntheticModelPreset.Tiny, rank: 8);

        using var adapter = LoraAdapter.Load(_model, path);

        Assert.Same(_model, adapter.Model);
        Assert.Equal(path, adapter.Path);
        // Per layer, F16 pairs of rank 8 for q and o (128 → 128), k and v (128 → 64), gate and up (128 → 384), down (384 → 128).
        var perLayer = 2 * 8 * ((2 * (128 + 128)) + (2 * (128 + 64)) + (3 * (128 + 384)));
        Assert.Equal(2 * perLayer, adapter.SizeInBytes);
    }

    [Fact]
    public async Task At_scale_1_the_adapter_changes_greedy_output_and_at_scale_0_it_gives_exactly_the_base_tokens()
    {
        using var adapter = LoraAdapter.Load(_model, TestModels.Adapter(SyntheticModelPreset.Tiny));

        var baseTokens = await GenerateAsync(adapter: null, scale: 1f);
        var adapted = await GenerateAsync(adapter, scale: 1f);
        var adaptedAgain = await GenerateAsync(adapter, scale: 1f);
        var scaledToZero = await GenerateAsync(adapter, scale: 0f);

        Assert.Equal(GeneratedTokens, baseTokens.Length);
        Assert.NotEqual(baseTokens, adapted);
        Assert.Equal(adapted, adaptedAgain);
        Assert.Equal(baseTokens, scaledToZero);
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        { "missing", "does not exist" },
        { "text", "is not a GGUF adapter file" },
        { "truncated", "truncated" },
        { "model", "is not an adapter: its general.type is missing, expected 'adapter'" },
        { "control-vector", "is not a LoRA adapter: its adapter.type is 'control_vector'" },
        { "other-architecture", "is an adapter for 'qwen2' models" },
        { "other-preset", "was made for another base model: its blk.0.attn_q.weight.lora_a is [512, 8]" },
        { "unknown-weight", "was made for another base model: " },
        { "half-a-pair", "llama.cpp could not load the adapter" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void A_bad_adapter_file_is_a_clear_error_and_leaves_the_model_usable(string kind, string message)
    {
        var path = WriteBadFile(kind);

        var exception = Assert.Throws<ModelLoadException>(() => LoraAdapter.Load(_model, path));

        Assert.Contains(message, exception.Message);
        using var adapter = LoraAdapter.Load(_model, TestModels.Adapter(SyntheticModelPreset.Tiny));
    }

    [Fact]
    public void A_scheduler_refuses_an_adapter_loaded_onto_another_model()
    {
        using var other = LlamaModel.Load(TestModels.TinyPath);
        using var adapter = LoraAdapter.Load(other, TestModels.Adapter(SyntheticModelPreset.Tiny));

        var exception = Assert.Throws<ArgumentException>(() => new InferenceScheduler(_model, Options(adapter, 1f)));

        Assert.Contains("was loaded onto", exception.Message);
    }

    [Fact]
    public void A_scheduler_refuses_a_disposed_adapter()
    {
        var adapter = LoraAdapter.Load(_model, TestModels.Adapter(SyntheticModelPreset.Tiny));
        adapter.Dispose();

        Assert.Throws<ObjectDisposedException>(() => new InferenceScheduler(_model, Options(adapter, 1f)));
    }

    [Fact]
    public void The_scheduler_reports_its_adapter_and_scale()
    {
        using var adapter = LoraAdapter.Load(_model, TestModels.Adapter(SyntheticModelPreset.Tiny));

        using var scheduler = new InferenceScheduler(_model, Options(adapter, 0.5f));

        Assert.Same(adapter, scheduler.Adapter);
        Assert.Equal(0.5f, scheduler.AdapterScale);
    }

    [Fact]
    public void Disposing_the_adapter_then_its_model_is_safe()
    {
        var model = LlamaModel.Load(TestModels.TinyPath);
        var adapter = LoraAdapter.Load(model, TestModels.Adapter(SyntheticModelPreset.Tiny));

        adapter.Dispose();
        model.Dispose();
    }

    [Fact]
    public void Disposing_the_model_before_its_adapter_frees_each_once()
    {
        var model = LlamaModel.Load(TestModels.TinyPath);
        var adapter = LoraAdapter.Load(model, TestModels.Adapter(SyntheticModelPreset.Tiny));

        model.Dispose();
        adapter.Dispose();
    }

    [Fact]
    public async Task A_scheduler_keeps_using_its_adapter_after_the_adapter_is_disposed()
    {
        var adapter = LoraAdapter.Load(_model, TestModels.Adapter(SyntheticModelPreset.Tiny));
        using var scheduler = new InferenceScheduler(_model, Options(adapter, 1f));
        var before = await GenerateAsync(scheduler);

        adapter.Dispose();
        var after = await GenerateAsync(scheduler);

        Assert.Equal(before, after);
    }

    private async Task<int[]> GenerateAsync(LoraAdapter? adapter, float scale)
    {
        using var scheduler = new InferenceScheduler(_model, Options(adapter, scale));
        return await GenerateAsync(scheduler);
    }

    private async Task<int[]> GenerateAsync(InferenceScheduler scheduler)
    {
        var request = new GenerationRequest(
            _model.Tokenize("Once upon a time"), SamplingOptions.Greedy, MaxTokens: GeneratedTokens, IgnoreEndOfGeneration: true, TopLogprobs: 0);
        var result = await GenerationRunner.RunAsync(scheduler, request);
        return result.Logprobs.Select(logprob => logprob.Token).ToArray();
    }

    private static SchedulerOptions Options(LoraAdapter? adapter, float scale) =>
        new(Slots: 1, ContextSize: 512, BatchSize: 256, Threads: 2, QueueSize: 4, Adapter: adapter, AdapterScale: scale);

    private static string WriteBadFile(string kind)
    {
        var path = TestModels.NewPath();
        switch (kind)
        {
            case "missing":
                break;
            case "text":
                File.WriteAllText(path, "this is a text file, not an adapter");
                break;
            case "truncated":
                var complete = File.ReadAllBytes(TestModels.Adapter(SyntheticModelPreset.Tiny));
                File.WriteAllBytes(path, complete[..(complete.Length / 2)]);
                break;
            case "model":
                return TestModels.TinyPath;
            case "other-preset":
                return TestModels.Adapter(SyntheticModelPreset.Small);
            case "control-vector":
                WriteAdapter(path, "llama", "control_vector", ("blk.0.attn_q.weight.lora_a", [128, 8]), ("blk.0.attn_q.weight.lora_b", [8, 128]));
                break;
            case "other-architecture":
                WriteAdapter(path, "qwen2", "lora", ("blk.0.attn_q.weight.lora_a", [128, 8]), ("blk.0.attn_q.weight.lora_b", [8, 128]));
                break;
            case "unknown-weight":
                WriteAdapter(path, "llama", "lora", ("blk.7.attn_q.weight.lora_a", [128, 8]), ("blk.7.attn_q.weight.lora_b", [8, 128]));
                break;
            case "half-a-pair":
                // Passes the managed checks; llama.cpp refuses a lora_a without its lora_b.
                WriteAdapter(path, "llama", "lora", ("blk.0.attn_q.weight.lora_a", [128, 8]));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }

        return path;
    }

    private static void WriteAdapter(string path, string architecture, string adapterType, params (string Name, ulong[] Dimensions)[] tensors)
    {
        List<GgufMetadataEntry> metadata =
        [
            new(GgufKeys.Architecture, GgufValue.Of(architecture)),
            new(GgufKeys.Type, GgufValue.Of("adapter")),
            new(GgufKeys.AdapterType, GgufValue.Of(adapterType)),
            new(GgufKeys.LoraAlpha, GgufValue.Of(8f)),
        ];
        var sources = tensors
            .Select(tensor => new GgufTensorSource(tensor.Name, tensor.Dimensions, GgmlType.F32, stream => stream.Write(new byte[tensor.Dimensions[0] * tensor.Dimensions[1] * 4])))
            .ToList();
        using var file = File.Create(path);
        GgufWriter.Write(file, metadata, sources);
    }
}
