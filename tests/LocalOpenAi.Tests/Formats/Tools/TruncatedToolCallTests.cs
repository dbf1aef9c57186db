using LocalOpenAi.Formats.Tools;

namespace LocalOpenAi.Tests.Formats.Tools;

/// <summary>A forced call cut short by max_tokens: its name and the arguments written so far, in each family's wrapping.</summary>
public sealed class TruncatedToolCallTests
{
    [Theory]
    [InlineData("llama3.1", """{"name":"save_note","parameters":{"text":"abc""", """{"text":"abc""")]
    [InlineData("llama3.1", """<|python_tag|>{"name":"save_note","parameters":""", "")]
    [InlineData("chatml", "<tool_call>\n{\"name\":\"save_note\",\"arguments\":{\"te", """{"te""")]
    [InlineData("mistral", """[TOOL_CALLS][{"name":"save_note","arguments":{"text":"a\"b""", """{"text":"a\"b""")]
    public void The_name_and_the_arguments_so_far_are_read_in_every_family(string template, string text, string arguments)
    {
        var format = ToolCallFormat.For(template, forced: true);

        Assert.True(format.Forced);
        Assert.True(format.TryParseTruncated(text, out var call));
        Assert.Equal("save_note", call.Function.Name);
        Assert.Equal(arguments, call.Function.Arguments);
        Assert.StartsWith("call_", call.Id);
    }

    [Theory]
    [InlineData("""{"name":"save_""")]
    [InlineData("""{"name":"save_note""")]
    [InlineData("""{"name":"save_note","argum""")]
    [InlineData("plain text")]
    public void Text_cut_before_the_arguments_begin_is_no_call(string text) =>
        Assert.False(ToolCallFormat.For("llama3.1", forced: true).TryParseTruncated(text, out _));

    [Fact]
    public void An_escaped_quote_in_the_name_does_not_end_it()
    {
        Assert.True(ToolCallFormat.For("llama3.1").TryParseTruncated("""{"name":"a\"b","parameters":{""", out var call));

        Assert.Equal("a\"b", call.Function.Name);
    }
}
