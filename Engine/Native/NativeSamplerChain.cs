using System.Diagnostics;
using LocalOpenAi.Engine.Sampling;
using LocalOpenAi.Engine.Text;
using LocalOpenAi.Formats.Grammar;

namespace LocalOpenAi.Engine.Native;

/// <summary>A llama.cpp sampler chain built from <see cref="SamplingOptions"/>: one per request.</summary>
/// <remarks>
/// The chain: logit bias, penalties, then greedy or top-k, top-p, min-p, temperature and a seeded draw.
/// A grammar is a sampler of its own, applied as llama-server applies it (see <c>NativeSamplerChain.Grammar.cs</c>):
/// when it leaves no candidate the step fails as a value instead of letting <c>llama_grammar_accept_impl</c>
/// throw a C++ exception on the decode thread (which aborts the process). A grammar that takes longer than its
/// budget to compile or to filter one step is refused or ended, so that it holds the decode thread for one step
/// at most. With a grammar, tokens that would make the text invalid UTF-8 are excluded too (see
/// <see cref="Utf8TokenTable"/>). The chosen token is accepted by both.
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

    /// <summary>With a grammar: which first bytes it admits, so that only those tokens are checked in full.</summary>
    private readonly GrammarByteProbe? _byteProbe;
    private Utf8Pending _utf8 = Utf8Pending.Boundary;
    private LlamaTokenData[] _candidates = [];

    private NativeSamplerChain(SafeLlamaSamplerHandle chain, SafeLlamaSamplerHandle? grammar, TimeSpan grammarBudget, NativeModel model)
    {
        _chain = chain;
        _grammar = grammar;
        _grammarBudget = grammarBudget;
        if (grammar is not null)
        {
            _utf8Tokens = model.Utf8Tokens;
            _byteProbe = new GrammarByteProbe(model.FirstByteTokens);
        }
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

            return new NativeSamplerChain(chain, grammar, grammarBudget, model);
        }
        catch
        {
            chain.Dispose();
            grammar?.Dispose();
            throw;
        }
    }

    /// <summary>Chooses the next token from one row of logits and accepts it; false with the reason when the grammar admits no token or took longer than its budget.</summary>
    public bool TrySample(ReadOnlySpan<float> logits, out int token, out string failure)
    {
        if (_candidates.Length != logits.Length)
        {
            _candidates = new LlamaTokenData[logits.Length];
        }

        if (_grammar is not null)
        {
            return TrySampleConstrained(logits, out token, out failure);
        }

        var count = FillAll(logits);
        if (!TryChoose(count, out token))
        {
            failure = NoTokenAllowed;
            return false;
        }

        LlamaNative.SamplerAccept(_chain, token);
        failure = string.Empty;
        return true;
    }

    public void Dispose()
    {
        _chain.Dispose();
        _grammar?.Dispose();
    }

    private int FillAll(ReadOnlySpan<float> logits)
    {
        for (var i = 0; i < logits.Length; i++)
        {
            _candidates[i] = new LlamaTokenData { Id = i, Logit = logits[i] };
        }

        return logits.Length;
    }

    /// <summary>Runs the chain over the first <paramref name="count"/> candidates; false when it selects nothing usable.</summary>
    private bool TryChoose(int count, out int token)
    {
        var selected = LlamaNative.SamplerApply(_chain, _candidates.AsSpan(0, count));
        var usable = selected >= 0 && selected < count && float.IsFinite(_candidates[selected].Logit);
        token = usable ? _candidates[selected].Id : -1;
        return usable;
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
