using LocalOpenAi.Engine.Native;
using LocalOpenAi.Engine.Sampling;
using LocalOpenAi.Engine.Text;
using LocalOpenAi.Formats.Grammar;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Engine;

/// <summary>
/// The constrained sampler checks only part of the vocabulary (the model's own choice first, then the tokens
/// whose first byte the grammar admits), so its greedy choice is compared with llama.cpp's grammar applied to
/// the whole vocabulary, step by step, on random logits.
/// </summary>
[Collection(TinyModelCollection.Name)]
public sealed class GrammarSamplingTests(TinyModelFixture fixture)
{
    private const int Steps = 48;

    public static TheoryData<string> Grammars =>
    [
        JsonSchemaGrammar.Convert("""
            {"type":"object","properties":{"name":{"type":"string","maxLength":12},"size":{"enum":["small","medium","large"]},
             "n":{"type":"integer"},"ok":{"type":"boolean"},"tags":{"type":"array","items":{"type":"string"}}},
             "required":["name","size","n","ok","tags"]}
            """).Grammar!,
        "root ::= \"é\" [а-я]+ \"✓\" [😀-🙏] [^\"]*",
        "root ::= [a-z]+ (\" \" [a-z0-9]+)* \".\"",
        NestedAlternatives(7),
    ];

    [Theory]
    [MemberData(nameof(Grammars))]
    public void The_greedy_choice_is_the_best_token_that_the_grammar_admits_over_the_whole_vocabulary(string grammar)
    {
        var model = fixture.Model.Native;
        using var sampler = NativeSamplerChain.Create(model, new SamplingOptions(Temperature: 0f, Grammar: grammar), TimeSpan.FromMinutes(1));
        using var reference = LlamaNative.SamplerInitGrammar(model.Vocabulary, grammar, "root");
        var random = new Random(grammar.Length);
        var logits = new float[model.VocabularySize];
        var utf8 = Utf8Pending.Boundary;
        for (var step = 0; step < Steps; step++)
        {
            for (var i = 0; i < logits.Length; i++)
            {
                logits[i] = (float)random.NextDouble() * 10f;
            }

            var admitted = Admitted(reference, logits, utf8);
            Assert.NotEmpty(admitted);

            // Every other step the model's favourite is a token the grammar admits, as it mostly is with real weights.
            if (step % 2 == 1)
            {
                logits[admitted[random.Next(admitted.Count)]] = 100f;
            }

            var expected = admitted.MaxBy(token => logits[token]);
            Assert.True(sampler.TrySample(logits, out var token, out var failure), failure);
            Assert.Equal(expected, token);
            if (model.IsEndOfGeneration(token))
            {
                return;
            }

            LlamaNative.SamplerAccept(reference, token);
            utf8 = model.Utf8Tokens.After(utf8, token)!.Value;
        }
    }

    [Fact]
    public void Every_token_is_grouped_once_under_its_first_byte_or_as_an_end_or_a_textless_token()
    {
        var model = fixture.Model.Native;
        var groups = model.FirstByteTokens;

        var grouped = Enumerable.Range(0, FirstByteTokens.ByteValues).SelectMany(value => groups.StartingWith(value).ToArray())
            .Concat(groups.EndTokens).Concat(groups.Textless).Order().ToArray();

        Assert.Equal(Enumerable.Range(0, model.VocabularySize), grouped);
        Assert.All(Enumerable.Range(0, FirstByteTokens.ByteValues).Where(value => groups.ByteToken(value) >= 0),
            value => Assert.Equal([(byte)value], model.Utf8Tokens.Piece(groups.ByteToken(value)).ToArray()));
        Assert.True(groups.CoversTextBytes);
    }

    /// <summary>The tokens llama.cpp's grammar and strict UTF-8 admit, checked over the whole vocabulary.</summary>
    private List<int> Admitted(SafeLlamaSamplerHandle grammar, float[] logits, Utf8Pending utf8)
    {
        var candidates = logits.Select((logit, id) => new LlamaTokenData { Id = id, Logit = logit }).ToArray();
        LlamaNative.SamplerApply(grammar, candidates);

        var pieces = fixture.Model.Native.Utf8Tokens;
        return [.. candidates.Where(candidate => !float.IsNegativeInfinity(candidate.Logit) && pieces.After(utf8, candidate.Id) is not null)
            .Select(candidate => candidate.Id)];
    }

    /// <summary>Overlapping alternatives nested <paramref name="levels"/> deep: 2^levels parse paths of the same text.</summary>
    private static string NestedAlternatives(int levels) =>
        string.Join('\n', ["root ::= a0", .. Enumerable.Range(0, levels).Select(i => $"a{i} ::= a{i + 1} \"y\" | a{i + 1} [x-y]"), $"a{levels} ::= [a-z]+"]);
}
