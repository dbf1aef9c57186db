using LocalOpenAi.Engine.Text;

namespace LocalOpenAi.Tests.Engine;

public sealed class StopSequenceMatcherTests
{
    [Fact]
    public void Text_that_may_start_a_stop_is_held_until_it_cannot()
    {
        var matcher = new StopSequenceMatcher(["</end>"]);

        Assert.Equal("Hello ", matcher.Append("Hello </"));
        Assert.Equal("</x", matcher.Append("x"));
        Assert.False(matcher.Stopped);
    }

    [Fact]
    public void A_stop_split_over_three_pieces_is_found_and_cut()
    {
        var matcher = new StopSequenceMatcher(["STOP"]);

        var released = matcher.Append("abc S") + matcher.Append("TO") + matcher.Append("P and more");

        Assert.Equal("abc ", released);
        Assert.True(matcher.Stopped);
        Assert.Equal(string.Empty, matcher.Append("ignored"));
        Assert.Equal(string.Empty, matcher.Flush());
    }

    [Fact]
    public void The_earliest_of_several_stops_wins()
    {
        var matcher = new StopSequenceMatcher(["zz", "b"]);

        Assert.Equal("a", matcher.Append("abzz"));
    }

    [Fact]
    public void Held_text_is_released_when_generation_ends_without_a_stop()
    {
        var matcher = new StopSequenceMatcher(["###"]);

        Assert.Equal("end", matcher.Append("end##"));
        Assert.Equal("##", matcher.Flush());
    }

    [Fact]
    public void Without_stops_everything_passes_straight_through()
    {
        var matcher = new StopSequenceMatcher(null);

        Assert.Equal("anything", matcher.Append("anything"));
    }
}
