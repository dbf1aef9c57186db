using System.Text;
using System.Text.Json;
using LocalOpenAi.Router.Cascade;

namespace LocalOpenAi.Tests.Router;

public sealed class LocalAnswerCheckTests
{
    private static readonly JsonElement OrderSchema = JsonDocument.Parse("""{"type":"object","properties":{"id":{"type":"integer"}},"required":["id"]}""").RootElement;

    [Theory]
    [InlineData("The refund was issued on Monday and should arrive within five working days.", "stop", null)]
    [InlineData("The refund was issued", "length", LocalAnswerCheck.Length)]
    [InlineData("   ", "stop", LocalAnswerCheck.Empty)]
    [InlineData("yes yes yes yes yes yes yes yes yes yes yes yes yes yes no", "stop", LocalAnswerCheck.Repetitive)]
    public void A_plain_answer_fails_when_cut_off_empty_or_repetitive(string text, string finish, string? expected)
    {
        Assert.Equal(expected, LocalAnswerCheck.Failure(Chat(text, finish), AnswerExpectations.None));
    }

    [Theory]
    [InlineData("""{"id": 7}""", null)]
    [InlineData("""{"id": "seven"}""", LocalAnswerCheck.InvalidJson)]
    [InlineData("""{"id": 7""", LocalAnswerCheck.InvalidJson)]
    public void Json_asked_for_must_parse_and_satisfy_its_schema(string text, string? expected)
    {
        var format = """{"type":"json_schema","json_schema":{"name":"order","schema":SCHEMA}}""".Replace("SCHEMA", OrderSchema.GetRawText(), StringComparison.Ordinal);
        var expectations = AnswerExpectations.From(JsonDocument.Parse(format).RootElement, null);

        Assert.Equal(expected, LocalAnswerCheck.Failure(Chat(text, "stop"), expectations));
    }

    [Fact]
    public void A_required_tool_call_must_be_there_with_json_arguments()
    {
        var expectations = AnswerExpectations.From(null, JsonDocument.Parse("\"required\"").RootElement);
        var good = """{"choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function","function":{"name":"f","arguments":"{\"a\":1}"}}]},"finish_reason":"tool_calls"}]}""";
        var broken = good.Replace("{\\\"a\\\":1}", "{\\\"a\\\":", StringComparison.Ordinal);

        Assert.Null(LocalAnswerCheck.Failure(Encoding.UTF8.GetBytes(good), expectations));
        Assert.Equal(LocalAnswerCheck.InvalidToolCall, LocalAnswerCheck.Failure(Encoding.UTF8.GetBytes(broken), expectations));
        Assert.Equal(LocalAnswerCheck.InvalidToolCall, LocalAnswerCheck.Failure(Chat("I will not call it.", "stop"), expectations));
    }

    [Fact]
    public void A_legacy_completion_is_checked_by_its_text()
    {
        var answer = Encoding.UTF8.GetBytes("""{"object":"text_completion","choices":[{"index":0,"text":"","finish_reason":"stop"}]}""");

        Assert.Equal(LocalAnswerCheck.Empty, LocalAnswerCheck.Failure(answer, AnswerExpectations.None));
    }

    private static byte[] Chat(string content, string finish) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        @object = "chat.completion",
        choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = finish } },
    });
}
