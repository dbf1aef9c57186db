using System.Text.Json.Nodes;
using LocalOpenAi.Formats.Responses;

namespace LocalOpenAi.Tests.Formats.Responses;

public sealed class ResponseItemReferenceTests
{
    private static readonly JsonObject StoredAnswer = JsonAssert.Parse("""
        {"id":"msg_r1_0","type":"message","status":"completed","role":"assistant","content":[{"type":"output_text","annotations":[],"text":"4"}]}
        """);

    [Fact]
    public void A_reference_to_a_stored_item_replays_that_item()
    {
        var body = JsonAssert.Parse("""
            {"input":[{"role":"user","content":"2+2?"},{"type":"item_reference","id":"msg_r1_0"},{"role":"user","content":"times 3?"}]}
            """);

        var references = ResponsesRequestTranslator.ItemReferences(body);
        var translation = ResponsesRequestTranslator.ToChat(body, null, new Dictionary<string, JsonObject> { ["msg_r1_0"] = StoredAnswer });

        Assert.Equal(["msg_r1_0"], references);
        JsonAssert.Equal("""
            [{"role":"user","content":"2+2?"},{"role":"assistant","content":"4"},{"role":"user","content":"times 3?"}]
            """, translation.Request!.Chat["messages"]);
        JsonAssert.Equal(StoredAnswer.ToJsonString(), translation.Request.InputItems[1]);
    }

    [Fact]
    public void A_reference_to_an_item_of_the_previous_response_needs_no_lookup()
    {
        var previous = new List<JsonObject>
        {
            JsonAssert.Parse("""{"type":"message","role":"user","content":[{"type":"input_text","text":"2+2?"}],"status":"completed"}"""),
            StoredAnswer,
        };

        var translation = ResponsesRequestTranslator.ToChat(
            JsonAssert.Parse("""{"previous_response_id":"resp_r1","input":[{"type":"item_reference","id":"msg_r1_0"}]}"""), previous);

        Assert.Equal(["user", "assistant", "assistant"], translation.Request!.Chat["messages"]!.AsArray().Select(message => (string?)message!["role"]));
    }

    [Theory]
    [InlineData("msg_r1_0", "resp_r1")]
    [InlineData("fc_abc_def_12", "resp_abc_def")]
    [InlineData("fco_x_in3", "resp_x")]
    [InlineData("msg_1", null)]
    [InlineData("fc_client", null)]
    [InlineData("rs_abc_0", null)]
    public void An_item_id_this_server_gave_leads_to_its_response(string itemId, string? responseId) =>
        Assert.Equal(responseId, ResponseItemIds.ResponseIdOf(itemId));

    [Fact]
    public void Every_output_item_id_leads_back_to_its_response()
    {
        var chat = JsonAssert.Parse("""
            {"model":"m","choices":[{"index":0,"finish_reason":"tool_calls","message":{"role":"assistant","content":"x",
              "tool_calls":[{"id":"c","type":"function","function":{"name":"f","arguments":"{}"}}]}}]}
            """);

        var output = ResponsesResponseBuilder.FromChat(chat, new ResponseContext { Id = "resp_9f_x", CreatedAt = 1 })["output"]!.AsArray();

        Assert.All(output, item => Assert.Equal("resp_9f_x", ResponseItemIds.ResponseIdOf((string)item!["id"]!)));
    }
}
