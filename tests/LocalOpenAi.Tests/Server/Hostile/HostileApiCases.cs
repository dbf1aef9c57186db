namespace LocalOpenAi.Tests.Server.Hostile;

/// <summary>
/// Wrong types and values on the Responses and Messages front-ends: the Responses API names the field as the client
/// sent it; the Messages API answers 400 in Anthropic's envelope (which has no param).
/// </summary>
internal static class HostileApiCases
{
    public static IEnumerable<HostileCase> All()
    {
        (string Field, string Value, string Param)[] responses =
        [
            ("temperature", "\"hot\"", "temperature"), ("temperature", "5", "temperature"), ("tools", "{}", "tools"), ("tools", "[{\"type\":\"web_search\"}]", "tools[0].type"),
            ("tool_choice", "42", "tool_choice"), ("text", "\"json\"", "text"), ("metadata", "[1]", "metadata"), ("store", "\"yes\"", "store"),
            ("previous_response_id", "\"\"", "previous_response_id"), ("previous_response_id", "42", "previous_response_id"),
            ("instructions", "[1]", "instructions"), ("top_p", "-2", "top_p"), ("background", "true", "background"), ("stream", "\"yes\"", "stream"),
            ("reasoning", "{\"effort\":\"high\"}", "reasoning.effort"),
        ];
        foreach (var (field, value, param) in responses)
        {
            yield return new($"responses {field} {value}", "v1/responses", $$"""{"model":"tiny","input":"hi","max_output_tokens":4,"{{field}}":{{value}}}""", 400, param);
        }

        yield return new("responses max_output_tokens -1", "v1/responses", """{"model":"tiny","input":"hi","max_output_tokens":-1}""", 400, "max_output_tokens");
        yield return new("responses max_output_tokens \"x\"", "v1/responses", """{"model":"tiny","input":"hi","max_output_tokens":"x"}""", 400, "max_output_tokens");
        yield return new("responses input 42", "v1/responses", """{"model":"tiny","input":42}""", 400, "input");
        yield return new("responses input [42]", "v1/responses", """{"model":"tiny","input":[42]}""", 400, "input[0]");

        (string Field, string Value)[] messages =
        [
            ("system", "42"), ("tools", "{}"), ("tool_choice", "\"auto\""), ("stop_sequences", "\"x\""), ("temperature", "\"hot\""), ("top_k", "-1"),
            ("thinking", "{\"type\":\"enabled\",\"budget_tokens\":1024}"), ("stream", "\"yes\""),
        ];
        foreach (var (field, value) in messages)
        {
            yield return new($"messages {field} {value}", "v1/messages", $$"""{"model":"tiny","max_tokens":4,"messages":[{"role":"user","content":"hi"}],"{{field}}":{{value}}}""", 400, null);
        }

        foreach (var value in (string[])["\"x\"", "0", "99999999999", "-5"])
        {
            yield return new($"messages max_tokens {value}", "v1/messages", $$"""{"model":"tiny","max_tokens":{{value}},"messages":[{"role":"user","content":"hi"}]}""", 400, null);
        }

        foreach (var value in (string[])["\"hi\"", "[]", "[42]", "[{\"role\":\"tool\",\"content\":\"x\"}]"])
        {
            yield return new($"messages messages {value}", "v1/messages", $$"""{"model":"tiny","max_tokens":4,"messages":{{value}}}""", 400, null);
        }
    }
}
