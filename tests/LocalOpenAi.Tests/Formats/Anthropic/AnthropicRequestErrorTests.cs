using LocalOpenAi.Formats.Anthropic;

namespace LocalOpenAi.Tests.Formats.Anthropic;

public sealed class AnthropicRequestErrorTests
{
    private const string User = """[{"role":"user","content":"x"}]""";

    [Theory]
    [InlineData("""{"max_tokens":5,"messages":[]}""", "model", "Field required")]
    [InlineData("""{"model":"m","messages":[]}""", "max_tokens", "Field required")]
    [InlineData("""{"model":"m","max_tokens":"5","messages":[]}""", "max_tokens", "Input should be a valid integer")]
    [InlineData("""{"model":"m","max_tokens":1.5,"messages":[]}""", "max_tokens", "Input should be a valid integer")]
    [InlineData("""{"model":"m","max_tokens":0,"messages":[]}""", "max_tokens", "Input should be greater than or equal to 1")]
    [InlineData("""{"model":7,"max_tokens":5,"messages":[]}""", "model", "Input should be a valid string")]
    [InlineData("""{"model":"m","max_tokens":5}""", "messages", "Field required")]
    [InlineData("""{"model":"m","max_tokens":5,"messages":{}}""", "messages", "Input should be a valid list")]
    [InlineData("""{"model":"m","max_tokens":5,"messages":["hi"]}""", "messages.0", "Input should be a valid dictionary")]
    [InlineData("""{"model":"m","max_tokens":5,"messages":[{"content":"x"}]}""", "messages.0.role", "Field required")]
    [InlineData("""{"model":"m","max_tokens":5,"messages":[{"role":"tool","content":"x"}]}""", "messages.0.role", "Input should be 'user' or 'assistant'")]
    [InlineData("""{"model":"m","max_tokens":5,"messages":[{"role":"user"}]}""", "messages.0.content", "Field required")]
    [InlineData("""{"model":"m","max_tokens":5,"messages":[{"role":"user","content":5}]}""", "messages.0.content", "Input should be a valid string or a list of text blocks")]
    [InlineData("""{"model":"m","max_tokens":5,"messages":[{"role":"user","content":[{"text":"x"}]}]}""", "messages.0.content.0.type", "Field required")]
    [InlineData("""{"model":"m","max_tokens":5,"messages":[{"role":"user","content":[{"type":"text","text":3}]}]}""", "messages.0.content.0.text", "Input should be a valid string")]
    [InlineData("""{"model":"m","max_tokens":5,"messages":[{"role":"user","content":[{"type":"text","text":"a"},{"type":"image","source":{"type":"url","url":"http://x/y.png"}}]}]}""", "messages.0.content.1.type", "'image' content blocks are not supported by this server")]
    [InlineData("""{"model":"m","max_tokens":5,"messages":[{"role":"user","content":[{"type":"tool_result","content":"r"}]}]}""", "messages.0.content.0.tool_use_id", "Field required")]
    [InlineData("""{"model":"m","max_tokens":5,"messages":[{"role":"user","content":[{"type":"tool_result","tool_use_id":"t","content":[{"type":"image"}]}]}]}""", "messages.0.content.0.content.0.type", "'image' content blocks are not supported by this server")]
    [InlineData("""{"model":"m","max_tokens":5,"messages":[{"role":"user","content":[{"type":"tool_result","tool_use_id":"t","is_error":"yes"}]}]}""", "messages.0.content.0.is_error", "Input should be a valid boolean")]
    [InlineData("""{"model":"m","max_tokens":5,"messages":[{"role":"user","content":[{"type":"tool_use","id":"t","name":"f","input":{}}]}]}""", "messages.0.content.0.type", "'tool_use' blocks are only allowed in assistant messages")]
    [InlineData("""{"model":"m","max_tokens":5,"messages":[{"role":"assistant","content":[{"type":"tool_result","tool_use_id":"t"}]}]}""", "messages.0.content.0.type", "'tool_result' blocks are only allowed in user messages")]
    [InlineData("""{"model":"m","max_tokens":5,"messages":[{"role":"assistant","content":[{"type":"tool_use","id":"t","name":"f","input":"{}"}]}]}""", "messages.0.content.0.input", "Input should be a valid dictionary")]
    [InlineData("""{"model":"m","max_tokens":5,"messages":[{"role":"assistant","content":[{"type":"tool_use","name":"f","input":{}}]}]}""", "messages.0.content.0.id", "Field required")]
    [InlineData("""{"model":"m","max_tokens":5,"system":5,"messages":[]}""", "system", "Input should be a valid string or a list of text blocks")]
    [InlineData("""{"model":"m","max_tokens":5,"system":[{"type":"image"}],"messages":[]}""", "system.0.type", "'image' content blocks are not supported by this server")]
    public void A_malformed_body_names_the_field(string body, string field, string problem) => AssertRejected(body, field, problem);

    [Theory]
    [InlineData("""{"temperature":"hot"}""", "temperature", "Input should be a valid number")]
    [InlineData("""{"top_k":0.5}""", "top_k", "Input should be a valid integer")]
    [InlineData("""{"stream":"yes"}""", "stream", "Input should be a valid boolean")]
    [InlineData("""{"stop_sequences":"END"}""", "stop_sequences", "Input should be a valid list")]
    [InlineData("""{"stop_sequences":["a",1]}""", "stop_sequences.1", "Input should be a valid string")]
    [InlineData("""{"metadata":{"user_id":5}}""", "metadata.user_id", "Input should be a valid string")]
    [InlineData("""{"tools":{}}""", "tools", "Input should be a valid list")]
    [InlineData("""{"tools":[{"name":"f"}]}""", "tools.0.input_schema", "Field required")]
    [InlineData("""{"tools":[{"input_schema":{}}]}""", "tools.0.name", "Field required")]
    [InlineData("""{"tools":[{"type":"web_search_20250305","name":"web_search","max_uses":5}]}""", "tools.0.type", "server tool 'web_search_20250305' is not supported by this server")]
    [InlineData("""{"tool_choice":"auto"}""", "tool_choice", "Input should be a valid dictionary")]
    [InlineData("""{"tool_choice":{"type":"sometimes"}}""", "tool_choice.type", "Input should be 'auto', 'any', 'tool' or 'none'")]
    [InlineData("""{"tool_choice":{"type":"tool"}}""", "tool_choice.name", "Field required")]
    [InlineData("""{"thinking":{"type":"enabled","budget_tokens":1000}}""", "thinking.budget_tokens", "Input should be greater than or equal to 1024")]
    [InlineData("""{"thinking":{"type":"enabled"}}""", "thinking.budget_tokens", "Field required")]
    [InlineData("""{"thinking":{"type":"enabled","budget_tokens":4096}}""", "max_tokens", "`max_tokens` must be greater than `thinking.budget_tokens`")]
    [InlineData("""{"thinking":{"type":"deep"}}""", "thinking.type", "Input tag 'deep' found using 'type' does not match any of the expected tags: 'enabled', 'disabled', 'adaptive'")]
    [InlineData("""{"thinking":{"budget_tokens":1024}}""", "thinking.type", "Field required")]
    [InlineData("""{"mcp_servers":[{"type":"url","url":"https://x","name":"x"}]}""", "mcp_servers", "not supported by this server")]
    [InlineData("""{"container":"c1"}""", "container", "not supported by this server")]
    [InlineData("""{"output_config":{"format":{"type":"regex","schema":{}}}}""", "output_config.format.type", "Input should be 'json_schema'")]
    [InlineData("""{"output_config":{"format":{"type":"json_schema"}}}""", "output_config.format.schema", "Field required")]
    [InlineData("""{"output_format":{"type":"regex","schema":{}}}""", "output_format.type", "Input should be 'json_schema'")]
    public void An_unsupported_or_malformed_option_names_the_field(string options, string field, string problem)
    {
        var body = WireJson.Object(options);
        body["model"] = "m";
        body["max_tokens"] = 5;
        body["messages"] = System.Text.Json.Nodes.JsonNode.Parse(User);

        AssertRejected(body.ToJsonString(), field, problem);
    }

    [Fact]
    public void The_error_is_anthropics_invalid_request_envelope()
    {
        var error = AnthropicRequestTranslator.ToChat(WireJson.Object("""{"model":"m","messages":[]}""")).Error!;

        Assert.Equal(400, error.Status);
        WireJson.Equal("""{"type":"error","error":{"type":"invalid_request_error","message":"max_tokens: Field required"},"request_id":"req_1"}""", error.ToEnvelope("req_1"));
    }

    private static void AssertRejected(string body, string field, string problem)
    {
        var translation = AnthropicRequestTranslator.ToChat(WireJson.Object(body));

        Assert.False(translation.Succeeded);
        Assert.Null(translation.Body);
        Assert.Equal(new AnthropicError("invalid_request_error", $"{field}: {problem}", field), translation.Error);
    }
}
