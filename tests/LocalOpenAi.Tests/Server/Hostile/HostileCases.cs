using System.Text.Json;
using LocalOpenAi.Tests.Formats.Grammar;

namespace LocalOpenAi.Tests.Server.Hostile;

/// <summary>The generated hostile requests, by name. Inputs that once crashed the process are in <see cref="Crashing"/> (declared first: the others skip them).</summary>
public static class HostileCases
{
    private const string Chat = "v1/chat/completions";
    private const string Completions = "v1/completions";
    private const string Hi = """[{"role":"user","content":"hi"}]""";
    private const string Tool = """{"type":"function","function":{"name":"f","parameters":{"type":"object","properties":{"a":{"type":"string"}}}}}""";

    public static IReadOnlyDictionary<string, HostileCase> Crashing { get; } = Index(
    [
        new("chat grammar [b-a]", Chat, ChatWith("grammar", Json("root ::= [b-a]")), 400, "grammar"),
        new("completions grammar [b-a]", Completions, CompletionWith("grammar", Json("root ::= [b-a]")), 400, "grammar"),
        new("chat grammar 20000 nested parentheses", Chat, ChatWith("grammar", Json(Nested(20_000))), 400, "grammar"),
        new("completions grammar 100000 nested parentheses", Completions, CompletionWith("grammar", Json(Nested(100_000))), 400, "grammar"),
        new("chat grammar inverted repetition", Chat, ChatWith("grammar", Json("root ::= \"a\"{5,2}")), 400, "grammar"),
        new("chat grammar with 2^30 overlapping parse paths", Chat, ChatWith("grammar", Json(GbnfCheckerTests.Ambiguous(30))), 400, "grammar"),
        new("response_format ref chain 25000", Chat, ChatWith("response_format", JsonSchemaFormat(HostileSchemas.RefChain(25_000))), 400, "response_format"),
        new("tools ref chain 25000", Chat, ChatWithTool(HostileSchemas.RefChain(25_000)), 400, "tools[0].function.parameters"),
        new("extract-parameters ref chain 25000", "extract-parameters", Extract(HostileSchemas.RefChain(25_000)), 400, "function_schema.parameters"),
        new("response_format enum 50000", Chat, ChatWith("response_format", JsonSchemaFormat($"{{\"enum\":[{string.Join(',', Enumerable.Range(0, 50_000))}]}}")), 400, "response_format"),
    ]);

    public static IReadOnlyDictionary<string, HostileCase> InProcess { get; } = Index([.. Grammars(), .. Schemas(), .. WrongTypes(), .. OutOfRange(), .. OtherEndpoints(), .. HostileApiCases.All()]);

    /// <summary>For a server started with <c>--embeddings</c>.</summary>
    public static IReadOnlyDictionary<string, HostileCase> Embeddings { get; } = Index(
        ((string[])["[[128256]]", "[[99999999]]", "[[2147483647]]", "[[-1]]", "[[1,2,128256]]", "[[1],[128256]]", "[[-2147483648]]"])
            .Select(input => new HostileCase($"embeddings token input {input}", "v1/embeddings", $$"""{"model":"tiny","input":{{input}}}""", 400, "input")));

    public static TheoryData<string> InProcessNames() => [.. InProcess.Keys];

    public static TheoryData<string> EmbeddingNames() => [.. Embeddings.Keys];

    public static TheoryData<string> CrashingNames() => [.. Crashing.Keys];

    private static IEnumerable<HostileCase> Grammars()
    {
        foreach (var row in GbnfCheckerTests.Refused)
        {
            // An empty grammar means none, as in llama-server.
            var grammar = (string)row[0];
            if (grammar.Length == 0 || Crashing.Values.Any(c => c.Body.Contains(Json(grammar), StringComparison.Ordinal)))
            {
                continue;
            }

            var name = grammar.Length > 60 ? $"{grammar[..40]}...({grammar.Length} chars)" : grammar;
            yield return new($"chat grammar {name}", Chat, ChatWith("grammar", Json(grammar)), 400, "grammar");
            yield return new($"streamed chat grammar {name}", Chat, ChatWith("grammar", Json(grammar), stream: true), 400, "grammar");
            yield return new($"completions grammar {name}", Completions, CompletionWith("grammar", Json(grammar)), 400, "grammar");
            yield return new($"streamed completions grammar {name}", Completions, CompletionWith("grammar", Json(grammar), stream: true), 400, "grammar");
        }
    }

    private static IEnumerable<HostileCase> Schemas()
    {
        foreach (var (name, schema) in HostileSchemas.All)
        {
            yield return new($"response_format {name}", Chat, ChatWith("response_format", JsonSchemaFormat(schema)), 400, "response_format");
            yield return new($"tools {name}", Chat, ChatWithTool(schema), 400, "tools[0].function.parameters");
            yield return new($"extract-parameters {name}", "extract-parameters", Extract(schema), 400, "function_schema.parameters");
        }
    }

    private static IEnumerable<HostileCase> WrongTypes()
    {
        foreach (var choice in (string[])["1", "true", "[]", "\"bogus\"", "{\"type\":\"function\",\"function\":1}", "{\"type\":\"function\",\"function\":{\"name\":1}}", "{\"type\":\"function\",\"function\":{}}", "{\"type\":\"function\",\"function\":[]}"])
        {
            yield return new($"tool_choice {choice} without tools", Chat, ChatWith("tool_choice", choice), 400, "tool_choice");
            yield return new($"tool_choice {choice} with tools", Chat, ChatWith("tool_choice", choice, extra: $",\"tools\":[{Tool}]"), 400, "tool_choice");
        }

        yield return new("tool_choice names a missing tool", Chat, ChatWith("tool_choice", """{"type":"function","function":{"name":"nope"}}""", extra: $",\"tools\":[{Tool}]"), 400, "tool_choice");
        yield return new("tool_choice required without tools", Chat, ChatWith("tool_choice", "\"required\""), 400, "tool_choice");
        foreach (var format in (string[])["1", "\"json\"", "[]", "{}", "{\"type\":1}", "{\"type\":null}", "{\"type\":[]}", "{\"type\":{}}", "{\"type\":\"xml\"}", "{\"type\":\"json_schema\"}", "{\"type\":\"json_schema\",\"json_schema\":1}", "{\"type\":\"json_schema\",\"json_schema\":{\"schema\":1}}", "{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"x\",\"schema\":\"s\"}}"])
        {
            yield return new($"response_format {format}", Chat, ChatWith("response_format", format), 400, "response_format");
        }

        foreach (var (call, param) in (IEnumerable<(string, string)>)[
            ("""{"id":"1","type":"function","function":null}""", "messages[1].tool_calls[0].function"),
            ("""{"id":"1","type":"function","function":{}}""", "messages[1].tool_calls[0].function"),
            ("""{"id":"1","type":"function","function":{"arguments":"{}"}}""", "messages[1].tool_calls[0].function"),
            ("""{"id":"1","type":"function","function":1}""", "messages[1].tool_calls[0].function"),
            ("""{"id":"1","type":"function","function":"f"}""", "messages[1].tool_calls[0].function"),
            ("""{"id":"1","type":"function","function":{"name":1}}""", "messages[1].tool_calls[0].function.name"),
            ("null", "messages[1].tool_calls[0].function")])
        {
            var messages = $$"""[{"role":"user","content":"hi"},{"role":"assistant","content":null,"tool_calls":[{{call}}]},{"role":"tool","tool_call_id":"1","content":"ok"}]""";
            yield return new($"chat tool_calls {call}", Chat, $$"""{"messages":{{messages}},"max_tokens":2}""", 400, param);
            yield return new($"apply-template tool_calls {call}", "apply-template", $$"""{"messages":{{messages}}}""", 400, param);
        }

        foreach (var (body, param) in (IEnumerable<(string, string)>)[
            ("""{"messages":[null]}""", "messages[0].role"),
            ("""{"messages":[{"role":"user","content":"hi"},null]}""", "messages[1].role"),
            ("""{"messages":null}""", "messages"),
            ($$"""{"messages":{{Hi}},"tools":[null]}""", "tools[0].function"),
            ($$"""{"messages":{{Hi}},"tools":[{"type":"function","function":null}]}""", "tools[0].function"),
            ($$$"""{"messages":{{{Hi}}},"tools":[{"type":"function","function":{"name":""}}]}""", "tools[0].function"),
            ("""{"messages":[{"role":"user"}]}""", "messages[0].content"),
            ("""{"messages":[{"role":"system","content":null},{"role":"user","content":"hi"}]}""", "messages[0].content"),
            ("""{"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":null,"tool_calls":[{"id":"1","type":"function","function":{"name":"f","arguments":"{}"}}]},{"role":"tool","tool_call_id":"1"}]}""", "messages[2].content")])
        {
            yield return new($"apply-template {body}", "apply-template", body, 400, param);
            yield return new($"chat {body}", Chat, body, 400, param);
        }
    }

    private static IEnumerable<HostileCase> OutOfRange()
    {
        foreach (var bias in (string[])["{\"99999999\":1}", "{\"-1\":1}", "{\"2147483647\":5}", "{\"1\":1,\"128256\":-5}"])
        {
            yield return new($"chat logit_bias {bias}", Chat, ChatWith("logit_bias", bias), 400, "logit_bias");
            yield return new($"completions logit_bias {bias}", Completions, CompletionWith("logit_bias", bias), 400, "logit_bias");
        }

        yield return new("chat logit_bias naming one token twice", Chat, ChatWith("logit_bias", "{\"5\":1,\"05\":2}"), 200, null);
        foreach (var maxTokens in (string[])["2147483647", "2147483646", "2147483600"])
        {
            yield return new($"chat max_tokens {maxTokens}", Chat, ChatWith("max_tokens", maxTokens), 400, "messages");
            yield return new($"completions max_tokens {maxTokens}", Completions, CompletionWith("max_tokens", maxTokens), 400, "prompt");
        }

        var sixteenPrompts = JsonSerializer.Serialize(Enumerable.Range(0, 16).Select(i => $"prompt {i}"));
        yield return new("completions 16 prompts times n 16", Completions, $$"""{"prompt":{{sixteenPrompts}},"n":16,"max_tokens":1}""", 400, "n");
        yield return new("completions 16 prompts times n 5", Completions, $$"""{"prompt":{{sixteenPrompts}},"n":5,"max_tokens":1}""", 400, "n");
        foreach (var tokens in (string[])["[128256]", "[99999999]", "[2147483647]", "[-2147483648]", "[1,-1]"])
        {
            yield return new($"detokenize {tokens}", "detokenize", $$"""{"tokens":{{tokens}}}""", 400, "tokens");
            yield return new($"completions token prompt {tokens}", Completions, $$"""{"prompt":{{tokens}},"max_tokens":1}""", 400, "prompt");
        }

        yield return new("chat n int.MaxValue", Chat, ChatWith("n", "2147483647"), 400, "n");
        yield return new("chat seed beyond long", Chat, ChatWith("seed", "1e30"), 400, "seed");
        yield return new("chat top_logprobs int.MaxValue", Chat, ChatWith("top_logprobs", "2147483647", extra: ",\"logprobs\":true"), 400, "top_logprobs");
    }

    private static IEnumerable<HostileCase> OtherEndpoints()
    {
        foreach (var (path, body, param) in (IEnumerable<(string, string, string)>)[
            ("summarize", """{"context":5}""", "context"),
            ("summarize", """{"context":null}""", "context"),
            ("summarize", """{"context":"x","max_summary_tokens":2147483647}""", "max_summary_tokens"),
            ("summarize", """{"context":"x","max_summary_tokens":-2147483648}""", "max_summary_tokens"),
            ("summarize", """{"context":"x","style":1}""", "style"),
            ("summarize", """{"context":"x","style":"haiku"}""", "style"),
            ("router/classify", """{"messages":5}""", "messages"),
            ("router/classify", """{"prompt":5}""", "prompt"),
            ("extract-parameters", """{"user_message":5,"function_schema":{"name":"f","parameters":{}}}""", "user_message"),
            ("extract-parameters", """{"user_message":"hi","function_schema":1}""", "function_schema"),
            ("extract-parameters", """{"user_message":"hi","function_schema":{"name":1,"parameters":{}}}""", "function_schema.name"),
            ("extract-parameters", """{"user_message":"hi","function_schema":{"name":"f","parameters":[]}}""", "function_schema"),
            ("extract-parameters", """{"user_message":"hi","function_schema":{"name":"f","parameters":{"type":"object"}},"model":5}""", "model"),
            ("tokenize", """{"content":null}""", "content"),
            ("tokenize", """{"content":"x","with_pieces":"y"}""", "with_pieces"),
            ("detokenize", """{"tokens":"x"}""", "tokens"),
            ("detokenize", """{"tokens":[1.5]}""", "tokens[0]"),
            ("detokenize", """{"tokens":null}""", "tokens"),
            ("feedback", """{"request_id":"r","rating":2147483647}""", "rating"),
            ("feedback", """{"request_id":5,"rating":3}""", "request_id"),
        ])
        {
            yield return new($"{path} {body}", path, body, 400, param);
        }
    }

    private static Dictionary<string, HostileCase> Index(IEnumerable<HostileCase> cases) => cases.ToDictionary(c => c.Name, StringComparer.Ordinal);

    private static string Nested(int depth) => "root ::= " + new string('(', depth) + "\"a\"" + new string(')', depth);

    private static string Json(string text) => JsonSerializer.Serialize(text);

    private static string ChatWith(string field, string value, bool stream = false, string extra = "") =>
        $$"""{"messages":{{Hi}},"max_tokens":4,"stream":{{(stream ? "true" : "false")}},"{{field}}":{{value}}{{extra}}}""";

    private static string CompletionWith(string field, string value, bool stream = false) =>
        $$"""{"prompt":"hi","max_tokens":4,"stream":{{(stream ? "true" : "false")}},"{{field}}":{{value}}}""";

    private static string JsonSchemaFormat(string schema) => $$$"""{"type":"json_schema","json_schema":{"name":"x","schema":{{{schema}}}}}""";

    private static string ChatWithTool(string schema) =>
        $$$"""{"messages":{{{Hi}}},"max_tokens":4,"tool_choice":"required","tools":[{"type":"function","function":{"name":"f","parameters":{{{schema}}}}}]}""";

    private static string Extract(string schema) => $$$"""{"user_message":"hi","function_schema":{"name":"f","parameters":{{{schema}}}}}""";
}
