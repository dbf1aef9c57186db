using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LocalOpenAi.Formats.Grammar;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server;

/// <summary><c>/extract-parameters</c> and <c>/summarize</c> over HTTP against real llama.cpp.</summary>
[Collection(ServerCollection.Name)]
public sealed class AgentEndpointsTests(ServerFixture server)
{
    private const string OrderSchema = """
        {"type":"object","properties":{
          "customer":{"type":"object","properties":{"name":{"type":"string","maxLength":12},"tier":{"enum":["free","pro","enterprise"]}},"required":["name","tier"],"additionalProperties":false},
          "quantity":{"type":"integer","minimum":1,"maximum":50},
          "priority":{"enum":["low","normal","urgent"]}},
         "required":["customer","quantity","priority"],"additionalProperties":false}
        """;

    [Fact]
    public async Task Extracted_arguments_follow_a_nested_schema_with_enums_and_validate()
    {
        using var response = await server.Http.PostAsJsonAsync("extract-parameters", new
        {
            user_message = "Ann from Acme (enterprise) needs 12 licences, urgently.",
            function_schema = new { name = "create_order", description = "Create an order", parameters = JsonDocument.Parse(OrderSchema).RootElement },
        });
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("create_order", json.RootElement.GetProperty("name").GetString());
        Assert.True(json.RootElement.GetProperty("valid").GetBoolean(), body);
        Assert.Empty(json.RootElement.GetProperty("errors").EnumerateArray());
        var arguments = json.RootElement.GetProperty("arguments");
        Assert.True(JsonSchemaValidator.Validate(JsonDocument.Parse(OrderSchema).RootElement, arguments).IsValid);
        Assert.Contains(arguments.GetProperty("customer").GetProperty("tier").GetString(), new[] { "free", "pro", "enterprise" });
    }

    [Theory]
    [InlineData("""{"user_message":"","function_schema":{"name":"f","parameters":{"type":"object"}}}""", "user_message")]
    [InlineData("""{"user_message":"hi"}""", "function_schema")]
    [InlineData("""{"user_message":"hi","function_schema":{"name":"f","parameters":{"type":"string","pattern":"\\bword"}}}""", "function_schema.parameters")]
    [InlineData("""{"context":""}""", "context")]
    [InlineData("""{"context":"text","style":"poem"}""", "style")]
    [InlineData("""{"context":"text","max_summary_tokens":0}""", "max_summary_tokens")]
    public async Task Bad_agent_requests_are_400s_naming_the_field(string body, string param)
    {
        var path = body.Contains("context", StringComparison.Ordinal) ? "summarize" : "extract-parameters";

        using var response = await server.Http.PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(param, json.RootElement.GetProperty("error").GetProperty("param").GetString());
    }

    [Fact]
    public async Task A_text_far_longer_than_the_context_is_summarised_in_parts_within_the_token_limit()
    {
        var paragraph = "Revenue grew twelve percent in the third quarter while operating costs fell. ";
        var context = string.Concat(Enumerable.Repeat(paragraph, 600));

        using var response = await server.Http.PostAsJsonAsync("summarize", new { context, max_summary_tokens = 24, style = "bullets" });
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var inputTokens = json.RootElement.GetProperty("input_tokens").GetInt32();
        Assert.True(inputTokens > 4 * 2048, $"the input ({inputTokens} tokens) should dwarf a {2048}-token slot");
        Assert.InRange(json.RootElement.GetProperty("summary_tokens").GetInt32(), 1, 24);
        Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("summary").GetString()));
        Assert.Equal("local", json.RootElement.GetProperty("route").GetString());
    }
}
