using LocalOpenAi.Engine.Sampling;

namespace LocalOpenAi.Engine.Native;

/// <summary>A llama.cpp sampler chain built from <see cref="SamplingOptions"/>: one per request.</summary>
/// <remarks>
/// Order: logit bias, grammar, penalties, then greedy or top-k, top-p, min-p, temperature and a
/// seeded draw. <c>llama_sampler_sample</c> also accepts the chosen token into the chain's state.
/// </remarks>
internal sealed unsafe class NativeSamplerChain : IDisposable
{
    private const uint RandomSeed = 0xFFFFFFFF;

    private readonly SafeLlamaSamplerHandle _chain;

    private NativeSamplerChain(SafeLlamaSamplerHandle chain) => _chain = chain;

    /// <exception cref="InvalidGrammarException">The grammar does not parse.</exception>
    public static NativeSamplerChain Create(NativeModel model, SamplingOptions options)
    {
        var chain = LlamaNative.SamplerChainInit(new LlamaSamplerChainParams { NoPerf = 1 });
        try
        {
            AddLogitBias(chain, model, options);
            if (!string.IsNullOrEmpty(options.Grammar))
            {
                var grammar = LlamaNative.SamplerInitGrammar(model.Vocabulary, options.Grammar, "root");
                if (grammar == 0)
                {
                    throw new InvalidGrammarException("The grammar could not be parsed by llama.cpp.");
                }

                LlamaNative.SamplerChainAdd(chain, grammar);
            }

            if (options.HasPenalties)
            {
                LlamaNative.SamplerChainAdd(chain, LlamaNative.SamplerInitPenalties(
                    model.VocabularySize, options.PenaltyLastN, options.RepeatPenalty, options.FrequencyPenalty, options.PresencePenalty));
            }

            if (options.IsGreedy)
            {
                LlamaNative.SamplerChainAdd(chain, LlamaNative.SamplerInitGreedy());
            }
            else
            {
                if (options.TopK > 0)
                {
                    LlamaNative.SamplerChainAdd(chain, LlamaNative.SamplerInitTopK(options.TopK));
                }

                LlamaNative.SamplerChainAdd(chain, LlamaNative.SamplerInitTopP(options.TopP, 1));
                LlamaNative.SamplerChainAdd(chain, LlamaNative.SamplerInitMinP(options.MinP, 1));
                LlamaNative.SamplerChainAdd(chain, LlamaNative.SamplerInitTemperature(options.Temperature));
                LlamaNative.SamplerChainAdd(chain, LlamaNative.SamplerInitDistribution(options.Seed ?? RandomSeed));
            }

            return new NativeSamplerChain(chain);
        }
        catch
        {
            chain.Dispose();
            throw;
        }
    }

    /// <summary>Chooses the next token from the logits at <paramref name="batchIndex"/> and accepts it.</summary>
    public int Sample(NativeContext context, int batchIndex) =>
        LlamaNative.SamplerSample(_chain, context.Handle, batchIndex);

    /// <summary>Feeds a token the chain did not choose (e.g. prompt tokens for penalties).</summary>
    public void Accept(int token) => LlamaNative.SamplerAccept(_chain, token);

    public void Dispose() => _chain.Dispose();

    private static void AddLogitBias(SafeLlamaSamplerHandle chain, NativeModel model, SamplingOptions options)
    {
        if (options.LogitBias is not { Count: > 0 } biases)
        {
            return;
        }

        var entries = biases
            .Where(pair => pair.Key >= 0 && pair.Key < model.VocabularySize)
            .Select(pair => new LlamaLogitBias { Token = pair.Key, Bias = pair.Value })
            .ToArray();
        fixed (LlamaLogitBias* pointer = entries)
        {
            LlamaNative.SamplerChainAdd(chain, LlamaNative.SamplerInitLogitBias(model.VocabularySize, entries.Length, pointer));
        }
    }
}
