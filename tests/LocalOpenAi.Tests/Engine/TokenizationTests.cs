using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Engine;

[Collection(TinyModelCollection.Name)]
public sealed class TokenizationTests(TinyModelFixture fixture)
{
    [Theory]
    [InlineData("Hello world, this is a test.")]
    [InlineData("Grüße aus Köln — naïve café")]
    [InlineData("日本語のテキストと絵文字 🎉🚀")]
    [InlineData("  leading and trailing spaces  \n\ttabs")]
    public void Text_round_trips_through_tokens(string text)
    {
        var tokens = fixture.Model.Tokenize(text, addBeginOfSequence: false);

        Assert.Equal(text, fixture.Model.Detokenize(tokens));
    }

    [Fact]
    public void Ordinary_english_is_compressed_by_the_bpe_merges()
    {
        const string text = "the quick brown fox jumps over the lazy dog";

        var tokens = fixture.Model.Tokenize(text, addBeginOfSequence: false);

        Assert.True(tokens.Length < text.Length / 2, $"{tokens.Length} tokens for {text.Length} bytes");
    }

    [Fact]
    public void Special_tokens_are_parsed_into_single_tokens_and_rendered_back()
    {
        const string text = "<|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|>";

        var tokens = fixture.Model.Tokenize(text, addBeginOfSequence: false, parseSpecial: true);
        var plain = fixture.Model.Tokenize(text, addBeginOfSequence: false, parseSpecial: false);

        Assert.Equal(text, fixture.Model.Detokenize(tokens));
        Assert.True(fixture.Model.IsEndOfGeneration(tokens[^1]), "<|eot_id|> should be one end-of-generation token");
        Assert.True(plain.Length > tokens.Length + 10, "without special parsing the markers are spelled out byte by byte");
    }

    [Fact]
    public void Begin_of_text_is_added_when_asked()
    {
        var with = fixture.Model.Tokenize("hi", addBeginOfSequence: true);
        var without = fixture.Model.Tokenize("hi", addBeginOfSequence: false);

        Assert.Equal(without.Length + 1, with.Length);
        Assert.Equal("<|begin_of_text|>", fixture.Model.Detokenize([with[0]]));
    }

    [Fact]
    public void A_character_split_across_byte_tokens_is_only_released_when_complete()
    {
        var tokens = fixture.Model.Tokenize("🎉", addBeginOfSequence: false);
        var decoder = new LocalOpenAi.Engine.Text.Utf8StreamDecoder();
        var released = tokens.Select(token =>
        {
            var piece = new List<byte>();
            fixture.Model.Native.AppendPiece(token, renderSpecial: false, piece);
            return decoder.Append(piece.ToArray());
        }).ToList();

        Assert.True(tokens.Length > 1, "the emoji should need several byte tokens in the synthetic vocabulary");
        Assert.All(released.SkipLast(1), piece => Assert.Equal(string.Empty, piece));
        Assert.Equal("🎉", released[^1]);
    }
}
