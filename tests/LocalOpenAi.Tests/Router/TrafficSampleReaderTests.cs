using LocalOpenAi.Router.Calibration;
using LocalOpenAi.Router.Classification;

namespace LocalOpenAi.Tests.Router;

public sealed class TrafficSampleReaderTests
{
    [Fact]
    public void Prompts_messages_and_request_fields_are_read()
    {
        const string Jsonl = """
            {"prompt": "hi", "label": "simple"}

            {"messages": [{"role": "system", "content": "be brief"}, {"role": "user", "content": [{"type": "text", "text": "part one "}, {"type": "text", "text": "part two"}]}], "tools": [{"type": "function", "function": {"name": "f"}}], "max_tokens": 900, "agent": "analyst-1", "response_format": {"type": "json_schema"}}
            {"prompt": "x", "user": "bot-7", "max_completion_tokens": 5}
            """;

        var samples = TrafficSampleReader.Read(new StringReader(Jsonl));

        Assert.Equal(3, samples.Count);
        Assert.Equal((1, Complexity.Simple), (samples[0].Line, samples[0].Label));
        var chat = samples[1];
        Assert.Equal(3, chat.Line);
        Assert.Null(chat.Label);
        Assert.Equal("part one part two", chat.Input.Messages[1].Content);
        Assert.Equal((1, 900, StructuredOutput.JsonSchema, "analyst-1"), (chat.Input.ToolCount, chat.Input.MaxTokens, chat.Input.StructuredOutput, chat.Input.Agent));
        Assert.Equal(("bot-7", 5), (samples[2].Input.Agent, samples[2].Input.MaxTokens));
    }

    [Theory]
    [InlineData("{\"prompt\": \"x\", \"label\": \"hard\"}")]
    [InlineData("{\"tools\": []}")]
    [InlineData("not json")]
    public void A_bad_line_is_reported_with_its_number(string bad)
    {
        var error = Assert.Throws<FormatException>(() => TrafficSampleReader.Read(new StringReader("{\"prompt\": \"ok\"}\n" + bad)));

        Assert.StartsWith("Line 2:", error.Message, StringComparison.Ordinal);
    }
}
