using System.Runtime.InteropServices;

namespace LocalOpenAi.Engine.Native;

/// <remarks>
/// A sampler added to a chain is owned by the chain: only the chain is freed. The init functions
/// return null on bad arguments (e.g. a grammar that does not parse).
/// </remarks>
internal static partial class LlamaNative
{
    [LibraryImport(Llama, EntryPoint = "llama_sampler_chain_init")]
    internal static partial SafeLlamaSamplerHandle SamplerChainInit(LlamaSamplerChainParams parameters);

    [LibraryImport(Llama, EntryPoint = "llama_sampler_chain_add")]
    internal static partial void SamplerChainAdd(SafeLlamaSamplerHandle chain, nint sampler);

    /// <summary>A copy with the same state (for a grammar: the same parse stacks), freed on its own.</summary>
    [LibraryImport(Llama, EntryPoint = "llama_sampler_clone")]
    internal static partial SafeLlamaSamplerHandle SamplerClone(SafeLlamaSamplerHandle sampler);

    [LibraryImport(Llama, EntryPoint = "llama_sampler_free")]
    internal static partial void SamplerFree(nint sampler);

    [LibraryImport(Llama, EntryPoint = "llama_sampler_apply")]
    internal static unsafe partial void SamplerApply(SafeLlamaSamplerHandle sampler, LlamaTokenDataArray* candidates);

    /// <summary>Applies <paramref name="sampler"/> to <paramref name="candidates"/> in place; returns the index it selected, or -1.</summary>
    internal static unsafe long SamplerApply(SafeLlamaSamplerHandle sampler, Span<LlamaTokenData> candidates)
    {
        fixed (LlamaTokenData* data = candidates)
        {
            var array = new LlamaTokenDataArray { Data = data, Size = (nuint)candidates.Length, Selected = -1 };
            SamplerApply(sampler, &array);
            return array.Selected;
        }
    }

    [LibraryImport(Llama, EntryPoint = "llama_sampler_accept")]
    internal static partial void SamplerAccept(SafeLlamaSamplerHandle sampler, int token);

    [LibraryImport(Llama, EntryPoint = "llama_sampler_init_greedy")]
    internal static partial nint SamplerInitGreedy();

    [LibraryImport(Llama, EntryPoint = "llama_sampler_init_dist")]
    internal static partial nint SamplerInitDistribution(uint seed);

    [LibraryImport(Llama, EntryPoint = "llama_sampler_init_top_k")]
    internal static partial nint SamplerInitTopK(int k);

    [LibraryImport(Llama, EntryPoint = "llama_sampler_init_top_p")]
    internal static partial nint SamplerInitTopP(float p, nuint minKeep);

    [LibraryImport(Llama, EntryPoint = "llama_sampler_init_min_p")]
    internal static partial nint SamplerInitMinP(float p, nuint minKeep);

    [LibraryImport(Llama, EntryPoint = "llama_sampler_init_temp")]
    internal static partial nint SamplerInitTemperature(float temperature);

    [LibraryImport(Llama, EntryPoint = "llama_sampler_init_penalties")]
    internal static partial nint SamplerInitPenalties(int vocabSize, int lastN, float repeat, float frequency, float presence);

    [LibraryImport(Llama, EntryPoint = "llama_sampler_init_logit_bias")]
    internal static unsafe partial nint SamplerInitLogitBias(int vocabSize, int count, LlamaLogitBias* biases);

    [LibraryImport(Llama, EntryPoint = "llama_sampler_init_grammar", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial SafeLlamaSamplerHandle SamplerInitGrammar(nint vocab, string grammar, string root);
}
