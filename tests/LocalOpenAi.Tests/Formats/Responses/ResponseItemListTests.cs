using System.Text.Json.Nodes;
using LocalOpenAi.Formats.Responses;

namespace LocalOpenAi.Tests.Formats.Responses;

public sealed class ResponseItemListTests
{
    private static readonly IReadOnlyList<JsonObject> Items = ResponsesRequestTranslator.ToChat(JsonAssert.Parse("""
        {"input":[{"role":"user","content":"a"},{"type":"function_call","id":"fc_client","call_id":"c","name":"f","arguments":"{}"},
                  {"type":"function_call_output","call_id":"c","output":"b"}]}
        """), null).Request!.InputItems;

    [Fact]
    public void Lists_newest_first_with_ids_for_items_that_had_none()
    {
        var page = ResponseItemList.Page("resp_r", Items);

        JsonAssert.Equal("""
            {"object":"list","data":[
              {"id":"fco_r_in2","type":"function_call_output","call_id":"c","output":"b","status":"completed"},
              {"id":"fc_client","type":"function_call","call_id":"c","name":"f","arguments":"{}","status":"completed"},
              {"id":"msg_r_in0","type":"message","role":"user","content":[{"type":"input_text","text":"a"}],"status":"completed"}],
             "first_id":"fco_r_in2","last_id":"msg_r_in0","has_more":false}
            """, page);
    }

    [Fact]
    public void Pages_in_ascending_order_after_a_cursor()
    {
        var first = ResponseItemList.Page("resp_r", Items, limit: 1, ascending: true);
        var second = ResponseItemList.Page("resp_r", Items, after: (string?)first["last_id"], limit: 1, ascending: true);
        var last = ResponseItemList.Page("resp_r", Items, after: (string?)second["last_id"], limit: 5, ascending: true);

        Assert.Equal(("msg_r_in0", true), ((string?)first["first_id"], (bool)first["has_more"]!));
        Assert.Equal(("fc_client", true), ((string?)second["first_id"], (bool)second["has_more"]!));
        Assert.Equal(("fco_r_in2", false), ((string?)last["first_id"], (bool)last["has_more"]!));
    }

    [Fact]
    public void An_unknown_cursor_gives_an_empty_page()
    {
        var page = ResponseItemList.Page("resp_r", Items, after: "msg_nowhere");

        JsonAssert.Equal("""{"object":"list","data":[],"first_id":null,"last_id":null,"has_more":false}""", page);
    }
}
