using System.Diagnostics;
using LocalOpenAi.Engine.Sampling;
using LocalOpenAi.Engine.Text;
using LocalOpenAi.Formats.Grammar;

namespace LocalOpenAi.Engine.Native;

/// <summary>A llama.cpp sampler chain built from <see cref="SamplingOptions"/>: one per request.</summary>
/// <remarks>
/// The grammar is a sampler of its own, applied first: when it leaves no candidate the step fails
/// as a value instead of letting <c>llama_grammar_accept_impl</c> throw a C++ exception on the
/// decode thread (which aborts the process). A grammar that takes longer than its budget to compile
/// or to filter one step is refused or ended, so that it holds the decode thread for one step at most.
/// With a grammar, tokens that would make the text invalid UTF-8 are excluded too (see <see cref="Utf8TokenTable"/>).
/// Then the chain: logit bias, penalties, then greedy or top-k, top-p, min-p, temperature and a
/// seeded draw. The chosen token is accepted by both.
/// </remarks>
internal sealed unsafe partial class NativeSamplerChain : IDisposable
{
    private const uint RandomSeed = 0xFFFFFFFF;
    private const string NoTokenAllowed = "The grammar admits no token the model can produce next; the output so far cannot be completed.";

    private readonly SafeLlamaSamplerHandle _chain;
    private readonly SafeLlamaSamplerHandle? _grammar;
    private readonly TimeSpan _grammarBudget;

    /// <summary>With a grammar: every token's bytes, so that constrained output stays strict UTF-8.</summary>
    private readonly Utf8TokenTable? _utf8Tokens;
    private Utf8Pending _utf8 = Utf8Pending.Boundary;
    private LlamaTokenData[] _candidates = [];

    private NativeSamplerChain(SafeLlamaSamplerHandle chain, SafeLlamaSamplerHandle? grammar, TimeSpan grammarBudget, Utf8TokenTable? utf8Tokens)
    {
        _chain = chain;
        _grammar = grammar;
        _grammarBudget = grammarBudget;
        _utf8Tokens = utf8Tokens;
    }

    /// <exception cref="InvalidGrammarException">The grammar fails <see cref="GbnfChecker"/>, does not parse, or takes longer than <paramref name="grammarBudget"/> to compile.</exception>
    public static NativeSamplerChain Create(NativeModel model, SamplingOptions options, TimeSpan grammarBudget)
    {
        var grammar = string.IsNullOrEmpty(options.Grammar) ? null : CreateGrammar(model, options.Grammar, grammarBudget);
        var chain = LlamaNative.SamplerChainInit(new LlamaSamplerChainParams { NoPerf = 1 });
        try
        {
            AddLogitBias(chain, model, options);
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

            return new NativeSamplerChain(chain, grammar, grammarBudget, grammar is null ? null : model.Utf8Tokens);
        }
        catch
        {
            chain.Dispose();
            grammar?.Dispose();
            throw;
        }
    }

    /// <summary>Chooses the next token from the logits at <paramref name="batchIndex"/> and accepts it; false with the reason when the grammar admits no token or took longer than its budget.</summary>
    public bool TrySample(NativeContext context, int batchIndex, out int token, out string failure)
    {
        var logits = context.GetLogits(batchIndex);
        if (_candidates.Length != logits.Length)
        {
            _candidates = new LlamaTokenData[logits.Length];
        }

        for (var i = 0; i < logits.Length; i++)
        {
            _candidates[i] = new LlamaTokenData { Id = i, Logit = logits[i] };
        }

        token = -1;
        fixed (LlamaTokenData* data = _candidates)
        {
            var candidates = new LlamaTokenDataArray { Data = data, Size = (nuint)logits.Length, Selected = -1 };
            if (_grammar is not null)
            {
                var started = Stopwatch.GetTimestamp();
                LlamaNative.SamplerApply(_grammar, &candidates);
                if (Stopwatch.GetElapsedTime(started) > _grammarBudget)
                {
                    failure = $"The grammar took longer than {_grammarBudget.TotalMilliseconds:0} ms to constrain one token; the request was ended so that it does not stall other requests.";
                    return false;
                }

                KeepUtf8Valid(candidates);
                if (!AnyAllowed(candidates))
                {
                    failure = NoTokenAllowed;
                    return false;
                }
            }

            LlamaNative.SamplerApply(_chain, &candidates);
            if (candidates.Selected < 0 || candidates.Selected >= (long)candidates.Size || !float.IsFinite(data[candidates.Selected].Logit))
            {
                failure = NoTokenAllowed;
                return false;
            }

            token = data[candidates.Selected].Id;
            if (_grammar is not null)
            {
                LlamaNative.SamplerAccept(_grammar, token);
                _utf8 = _utf8Tokens!.After(_utf8, token) ?? Utf8Pending.Boundary;
            }

            LlamaNative.SamplerAccept(_chain, token);
            failure = string.Empty;
            return true;
        }
    }

    public void Dispose()
    {
        _chain.Dispose();
        _grammar?.Dispose();
    }

    private void KeepUtf8Valid(LlamaTokenDataArray candidates)
    {
        for (nuint i = 0; i < candidates.Size; i++)
        {
            ref var candidate = ref candidates.Data[i];
            if (!float.IsNegativeInfinity(candidate.Logit) && _utf8Tokens!.After(_utf8, candidate.Id) is null)
            {
                candidate.Logit = float.NegativeInfinity;
            }
        }
    }

    private static bool AnyAllowed(LlamaTokenDataArray candidates)
    {
        for (nuint i = 0; i < candidates.Size; i++)
        {
            if (!float.IsNegativeInfinity(candidates.Data[i].Logit))
            {
                return true;
            }
        }

        return false;
    }

    private static SafeLlamaSamplerHandle CreateGrammar(NativeModel model, string text, TimeSpan budget)
    {
        // Every crash class, for any grammar; the ambiguity of a raw grammar is checked where the request is read.
        var checkedGrammar = GbnfChecker.Check(text, GbnfLimits.Generated);
        if (!checkedGrammar.IsSuccess)
        {
            throw new InvalidGrammarException(checkedGrammar.Error!);
        }

        var started = Stopwatch.GetTimestamp();
        var grammar = LlamaNative.SamplerInitGrammar(model.Vocabulary, text, "root");
        if (grammar.IsInvalid)
        {
            grammar.Dispose();
            throw new InvalidGrammarException("The grammar could not be parsed by llama.cpp.");
        }

        if (Stopwatch.GetElapsedTime(started) > budget)
        {
            grammar.Dispose();
            throw new InvalidGrammarException($"The grammar took longer than {budget.TotalMilliseconds:0} ms to compile; simplify it (fewer nested or overlapping alternatives).");
        }

        return grammar;
    }

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
