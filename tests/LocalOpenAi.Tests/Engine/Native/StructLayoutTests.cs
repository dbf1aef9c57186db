using System.Runtime.InteropServices;
using System.Text;
using LocalOpenAi.Engine.Native;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Engine.Native;

/// <summary>Our C# mirrors of llama.h (and ggml.h) structs against gcc's sizeof/offsetof on the real headers.</summary>
public sealed class StructLayoutTests
{
    private static readonly Lazy<Dictionary<string, long>> NativeLayout = new(MeasureNativeLayout);

    public static TheoryData<Type, string, string[], string[]> Structs => new()
    {
        {
            typeof(LlamaModelParams), "struct llama_model_params",
            ["devices", "tensor_buft_overrides", "n_gpu_layers", "split_mode", "load_mode", "lazy_mode", "main_gpu", "tensor_split", "progress_callback", "progress_callback_user_data", "kv_overrides", "vocab_only", "check_tensors", "use_extra_bufts", "no_host", "no_alloc", "load_mtp"],
            ["Devices", "TensorBufferTypeOverrides", "GpuLayerCount", "SplitMode", "LoadMode", "LazyMode", "MainGpu", "TensorSplit", "ProgressCallback", "ProgressCallbackUserData", "KvOverrides", "VocabOnly", "CheckTensors", "UseExtraBufferTypes", "NoHost", "NoAlloc", "LoadMtp"]
        },
        {
            typeof(LlamaContextParams), "struct llama_context_params",
            ["n_ctx", "n_batch", "n_ubatch", "n_seq_max", "n_rs_seq", "n_outputs_max", "n_outputs_max_per_seq", "n_threads", "n_threads_batch", "ctx_type", "rope_scaling_type", "pooling_type", "attention_type", "flash_attn_type", "rope_freq_base", "rope_freq_scale", "yarn_ext_factor", "yarn_attn_factor", "yarn_beta_fast", "yarn_beta_slow", "yarn_orig_ctx", "defrag_thold", "cb_eval", "cb_eval_user_data", "type_k", "type_v", "abort_callback", "abort_callback_data", "embeddings", "offload_kqv", "no_perf", "op_offload", "swa_full", "kv_unified", "samplers", "n_samplers", "ctx_other"],
            ["ContextSize", "BatchSize", "MicroBatchSize", "MaxSequences", "RecurrentStateSnapshots", "MaxOutputs", "MaxOutputsPerSequence", "Threads", "BatchThreads", "ContextType", "RopeScalingType", "PoolingType", "AttentionType", "FlashAttentionType", "RopeFrequencyBase", "RopeFrequencyScale", "YarnExtrapolationFactor", "YarnAttentionFactor", "YarnBetaFast", "YarnBetaSlow", "YarnOriginalContext", "DefragThreshold", "EvalCallback", "EvalCallbackUserData", "KeyCacheType", "ValueCacheType", "AbortCallback", "AbortCallbackData", "Embeddings", "OffloadKqv", "NoPerf", "OpOffload", "SwaFull", "KvUnified", "Samplers", "SamplerCount", "OtherContext"]
        },
        {
            typeof(LlamaBatch), "struct llama_batch",
            ["n_tokens", "token", "embd", "pos", "n_seq_id", "seq_id", "logits"],
            ["TokenCount", "Tokens", "Embeddings", "Positions", "SequenceIdCounts", "SequenceIds", "Logits"]
        },
        { typeof(LlamaLogitBias), "struct llama_logit_bias", ["token", "bias"], ["Token", "Bias"] },
        { typeof(LlamaSamplerChainParams), "struct llama_sampler_chain_params", ["no_perf"], ["NoPerf"] },
        { typeof(LlamaChatMessage), "struct llama_chat_message", ["role", "content"], ["Role", "Content"] },
        {
            typeof(GgmlThreadpoolParams), "struct ggml_threadpool_params",
            ["cpumask", "n_threads", "prio", "poll", "strict_cpu", "paused"],
            ["CpuMask", "Threads", "Priority", "Poll", "StrictCpu", "Paused"]
        },
    };

    [Theory]
    [MemberData(nameof(Structs))]
    public void Mirror_matches_the_header(Type mirror, string cType, string[] cFields, string[] csFields)
    {
        Assert.Equal(NativeLayout.Value[$"sizeof {cType}"], Marshal.SizeOf(mirror));
        Assert.Equal(cFields.Length, csFields.Length);
        Assert.Equal(csFields.Length, mirror.GetFields().Length);
        for (var i = 0; i < cFields.Length; i++)
        {
            Assert.Equal(NativeLayout.Value[$"offsetof {cType} {cFields[i]}"], (long)Marshal.OffsetOf(mirror, csFields[i]));
        }
    }

    private static Dictionary<string, long> MeasureNativeLayout()
    {
        var program = new StringBuilder("#include <stdio.h>\n#include <stddef.h>\n#include \"llama.h\"\nint main(void) {\n");
        foreach (var row in Structs)
        {
            var cType = (string)row[1];
            program.Append($"  printf(\"sizeof {cType}=%zu\\n\", sizeof({cType}));\n");
            foreach (var field in (string[])row[2])
            {
                program.Append($"  printf(\"offsetof {cType} {field}=%zu\\n\", offsetof({cType}, {field}));\n");
            }
        }

        program.Append("  return 0;\n}\n");
        var headers = Path.Combine(AppContext.BaseDirectory, "Engine", "Native", "include");
        var executable = TestModels.NewPath(".layout");
        NativeCompiler.Compile(program.ToString(), executable, "-I", headers);
        return NativeCompiler.Run(executable)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('='))
            .ToDictionary(parts => parts[0], parts => long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }
}
