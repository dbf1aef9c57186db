using System.Text.Json;
using LocalOpenAi.Engine.Generation;
using LocalOpenAi.Engine.Sampling;
using LocalOpenAi.Formats.Grammar;
using LocalOpenAi.Tests.Formats.Grammar;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Engine;

/// <summary>
/// Every test schema turned into a grammar and sampled from random weights through real llama.cpp:
/// whatever the model picks, the output parses and validates against the schema.
/// </summary>
[Collection(TinyModelCollection.Name)]
public sealed class GrammarConstrainedGenerationTests(TinyModelFixture fixture)
{
    public static TheoryData<GrammarTestSchema> Schemas => [.. GrammarTestSchemas.All];

    [Theory]
    [MemberData(nameof(Schemas))]
    public async Task Sampled_output_parses_and_validates_against_the_schema(GrammarTestSchema schema)
    {
        using var schemaDocument = JsonDocument.Parse(schema.Schema);
        var grammar = JsonSchemaGrammar.Convert(schemaDocument.RootElement);
        Assert.True(grammar.IsSuccess, grammar.Error);

        // Random weights rarely choose to close a string or a container; a bias on the closing
        // tokens ends documents sooner without weakening the grammar, which alone decides validity.
        var sampling = new SamplingOptions(Temperature: 1f, Seed: 1234, Grammar: grammar.Grammar, LogitBias: ClosingTokenBias());
        var request = new GenerationRequest(fixture.Model.Tokenize("Answer in JSON."), sampling, MaxTokens: 600);

        var (text, final) = await GenerationRunner.RunAsync(fixture.Scheduler, request);

        Assert.True(final.Finish == FinishReason.Stop, $"generation did not complete the document within 600 tokens: {text}");
        using var output = JsonDocument.Parse(text);
        var validation = JsonSchemaValidator.Validate(schemaDocument.RootElement, output.RootElement);
        Assert.True(validation.IsValid, $"{text}\n{string.Join("\n", validation.Errors)}");
    }

    public static TheoryData<uint> Seeds => [.. Enumerable.Range(1, 12).Select(seed => (uint)seed)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task MaxLength_holds_on_the_decoded_text(uint seed)
    {
        var grammar = JsonSchemaGrammar.Convert("""{"type":"object","properties":{"s":{"type":"string","minLength":2,"maxLength":6}},"required":["s"]}""");
        var sampling = new SamplingOptions(Temperature: 1.5f, TopK: 0, TopP: 1f, MinP: 0f, Seed: seed, Grammar: grammar.Grammar, LogitBias: ClosingTokenBias());

        var (text, final) = await GenerationRunner.RunAsync(fixture.Scheduler, new GenerationRequest(fixture.Model.Tokenize("Answer in JSON."), sampling, MaxTokens: 200));

        Assert.Equal(FinishReason.Stop, final.Finish);
        using var output = JsonDocument.Parse(text);
        Assert.True(output.RootElement.GetProperty("s").GetString()!.EnumerateRunes().Count() is >= 2 and <= 6, text);
    }

    private Dictionary<int, float> ClosingTokenBias() =>
        new[] { "\"", "}", "]", "\"}", "\"]", "0" }
            .Select(piece => fixture.Model.Tokenize(piece, addBeginOfSequence: false, parseSpecial: false))
            .Where(tokens => tokens.Length == 1)
            .ToDictionary(tokens => tokens[0], _ => 6f);
}
