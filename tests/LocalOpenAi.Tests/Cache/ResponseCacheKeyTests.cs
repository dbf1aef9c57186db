using System.Text.Json;
using System.Text.Json.Nodes;
using LocalOpenAi.Cache;

namespace LocalOpenAi.Tests.Cache;

public sealed class ResponseCacheKeyTests
{
    private const string Endpoint = "/v1/chat/completions";
    private const string Body = """
        {"model":"m","messages":[{"role":"user","content":"Hi"}],"temperature":0,"max_tokens":16,
         "tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object","properties":{"a":{"type":"string"}}}}}]}
        """;

    private static ResponseCacheKey Key(string body, string model = "llama", string? tenant = "t1", string endpoint = Endpoint)
    {
        using var document = JsonDocument.Parse(body);
        return ResponseCacheKey.Create(endpoint, model, tenant, document.RootElement);
    }

    [Fact]
    public void Key_is_versioned_hex_sha256()
    {
        var key = Key(Body);

        Assert.Matches("^v1:[0-9a-f]{64}$", key.Value);
        Assert.Equal(key, Key(Body));
    }

    [Theory]
    [InlineData("""{"temperature":0,"max_tokens":16,"messages":[{"content":"Hi","role":"user"}],"model":"m","tools":[{"function":{"parameters":{"properties":{"a":{"type":"string"}},"type":"object"},"name":"f"},"type":"function"}]}""")]
    [InlineData("""{ "model" : "m" , "messages" : [ { "role" : "user" , "content" : "Hi" } ] , "temperature" : 0.0 , "max_tokens" : 16 , "tools" : [{"type":"function","function":{"name":"f","parameters":{"type":"object","properties":{"a":{"type":"string"}}}}}] }""")]
    [InlineData("""{"model":"m","stream":true,"stream_options":{"include_usage":true},"user":"bob","messages":[{"role":"user","content":"H\u0069"}],"temperature":0e0,"max_tokens":16,"tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object","properties":{"a":{"type":"string"}}}}}]}""")]
    public void Field_order_whitespace_number_spelling_escapes_stream_and_user_do_not_change_the_key(string equivalent)
    {
        Assert.Equal(Key(Body), Key(equivalent));
    }

    [Theory]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"Hello"}],"temperature":0,"max_tokens":16}""")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"Hi"}],"temperature":0.5,"max_tokens":16}""")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"Hi"}],"temperature":0,"max_tokens":17}""")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"Hi"}],"temperature":0,"max_tokens":16,"stop":["\n"]}""")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"Hi"}],"temperature":0,"max_tokens":16,"n":2}""")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"Hi"}],"temperature":0,"max_tokens":16,"logit_bias":{"50256":-100}}""")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"Hi"}],"temperature":0,"max_tokens":16,"response_format":{"type":"json_object"}}""")]
    [InlineData("""{"model":"m","messages":[{"role":"system","content":"Hi"}],"temperature":0,"max_tokens":16}""")]
    public void Anything_that_changes_the_output_changes_the_key(string different)
    {
        const string baseline = """{"model":"m","messages":[{"role":"user","content":"Hi"}],"temperature":0,"max_tokens":16}""";

        Assert.NotEqual(Key(baseline), Key(different));
    }

    [Fact]
    public void Model_alias_tenant_and_endpoint_are_part_of_the_key()
    {
        var baseline = Key(Body);

        Assert.NotEqual(baseline, Key(Body, model: "other"));
        Assert.NotEqual(baseline, Key(Body, tenant: "t2"));
        Assert.NotEqual(baseline, Key(Body, tenant: null));
        Assert.NotEqual(baseline, Key(Body, endpoint: "/v1/completions"));
    }

    [Fact]
    public void Tools_order_matters_because_it_changes_the_prompt()
    {
        const string ab = """{"tools":[{"name":"a"},{"name":"b"}]}""";
        const string ba = """{"tools":[{"name":"b"},{"name":"a"}]}""";

        Assert.NotEqual(Key(ab), Key(ba));
    }

    [Fact]
    public void JsonNode_and_JsonElement_give_the_same_key()
    {
        var node = JsonNode.Parse(Body)!;

        Assert.Equal(Key(Body), ResponseCacheKey.Create(Endpoint, "llama", "t1", node));
    }

    [Fact]
    public void A_body_that_is_not_an_object_is_misuse()
    {
        Assert.Throws<ArgumentException>(() => Key("[1,2]"));
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("0.0", "0")]
    [InlineData("-0.0", "0")]
    [InlineData("0.70", "0.7")]
    [InlineData("1e2", "100")]
    [InlineData("9007199254740993", "9007199254740993")]
    [InlineData("1.5e300", "1.5E+300")]
    public void Numbers_are_normalised(string json, string canonical)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Equal(canonical, CanonicalJson.CanonicalNumber(document.RootElement));
    }
}
