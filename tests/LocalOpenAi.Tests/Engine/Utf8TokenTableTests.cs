using LocalOpenAi.Engine.Text;

namespace LocalOpenAi.Tests.Engine;

public sealed class Utf8TokenTableTests
{
    [Theory]
    [InlineData(new byte[] { 0x61 }, true)]
    [InlineData(new byte[] { 0xC3, 0xA9 }, true)]
    [InlineData(new byte[] { 0xE2, 0x98, 0x95 }, true)]
    [InlineData(new byte[] { 0xF0, 0x9F, 0x98, 0x80 }, true)]
    [InlineData(new byte[] { 0xE0, 0x81, 0x81 }, false)]
    [InlineData(new byte[] { 0xC1, 0x81 }, false)]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 }, false)]
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 }, false)]
    [InlineData(new byte[] { 0x80 }, false)]
    [InlineData(new byte[] { 0xC3, 0x22 }, false)]
    [InlineData(new byte[] { 0xFF }, false)]
    public void Only_strict_utf8_is_admitted_from_a_character_boundary(byte[] bytes, bool valid) =>
        Assert.Equal(valid, Utf8Pending.Boundary.Feed(bytes) is { Need: 0 });

    [Fact]
    public void A_character_split_across_tokens_is_admitted_only_with_the_continuation_its_lead_allows()
    {
        var table = new Utf8TokenTable([[0xE0], [0xA0, 0x80], [0x81, 0x81], [0x22], [0xE2, 0x98], [0x95, 0x22], []]);

        var afterLead = table.After(Utf8Pending.Boundary, 0)!.Value;

        Assert.Equal(2, afterLead.Need);
        Assert.Equal(Utf8Pending.Boundary, table.After(afterLead, 1));
        Assert.Null(table.After(afterLead, 2));
        Assert.Null(table.After(afterLead, 3));
        Assert.Equal(afterLead, table.After(afterLead, 6));
        Assert.Equal(Utf8Pending.Boundary, table.After(table.After(Utf8Pending.Boundary, 4)!.Value, 5));
    }
}
