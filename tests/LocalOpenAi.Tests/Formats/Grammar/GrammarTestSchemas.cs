namespace LocalOpenAi.Tests.Formats.Grammar;

/// <summary>
/// Supported JSON Schemas with accepted and rejected sample documents. Public so that the
/// end-to-end grammar test (real sampling under each grammar) can reuse them.
/// </summary>
public static class GrammarTestSchemas
{
    private static GrammarTestSchema S(string name, string schema, string[] valid, string[] invalid, string[]? nonCanonical = null) => new(name, schema, valid, invalid, nonCanonical ?? []);

    public static IReadOnlyList<GrammarTestSchema> All { get; } =
    [
        S("string", """{"type":"string"}""", ["\"\"", "\"héllo \\\"x\\\" \\u00e9\""], ["1", "\"a\nb\"", "null"]),
        S("number", """{"type":"number"}""", ["0", "-1.5", "3e10", "2.25E-3"], ["01", "1.", "\"1\"", "-"]),
        S("integer", """{"type":"integer"}""", ["0", "-42", "123456"], ["1.5", "007"], ["-0.0"]),
        S("boolean", """{"type":"boolean"}""", ["true", "false"], ["True", "1"]),
        S("null", """{"type":"null"}""", ["null"], ["nil", "{}"]),
        S("type array", """{"type":["string","null"]}""", ["\"x\"", "null"], ["1", "[]"]),
        S("any", """{}""", ["{\"a\": [1, true, null]}", "\"x\"", "12"], ["{a:1}"]),
        S("enum", """{"enum":["red","green",3,null]}""", ["\"red\"", "3", "null"], ["\"blue\"", "\"Red\""]),
        S("const", """{"const":"fixed"}""", ["\"fixed\""], ["\"other\""]),
        S("object required", """{"type":"object","properties":{"name":{"type":"string"},"age":{"type":"integer"}},"required":["name","age"],"additionalProperties":false}""",
            ["{\"name\": \"Ann\", \"age\": 31}", "{\"name\":\"B\",\"age\":0}"], ["{\"name\": \"Ann\"}", "{\"name\": \"x\", \"age\": 1, \"z\": 2}"], ["{\"age\": 1, \"name\": \"x\"}", "{\n  \"name\":\"B\",\n  \"age\":0\n}", "{\"name\":  \"B\", \"age\": 0}"]),
        S("object optional", """{"type":"object","properties":{"a":{"type":"integer"},"b":{"type":"string"},"c":{"type":"boolean"}},"additionalProperties":false}""",
            ["{}", "{\"a\": 1}", "{\"b\": \"x\"}", "{\"a\": 1, \"c\": true}", "{\"a\": 1, \"b\": \"y\", \"c\": false}"], ["{\"d\": 1}", "{,}"], ["{\"c\": true, \"a\": 1}"]),
        S("object mixed", """{"type":"object","properties":{"id":{"type":"integer"},"note":{"type":"string"},"tags":{"type":"array","items":{"type":"string"}}},"required":["id"],"additionalProperties":false}""",
            ["{\"id\": 1}", "{\"id\": 1, \"tags\": []}", "{\"id\": 1, \"note\": \"n\", \"tags\": [\"a\", \"b\"]}"], ["{\"note\": \"n\"}", "{\"id\": 1, \"tags\": [1]}"]),
        S("object without additionalProperties", """{"type":"object","properties":{"a":{"type":"integer"}},"required":["a"]}""",
            ["{\"a\": 1}"], ["{\"b\": 1}"], ["{\"a\": 1, \"b\": [true]}", "{\"a\": 1, \"a\": 2}"]),
        S("object open", """{"type":"object","properties":{"a":{"type":"integer"}},"required":["a"],"additionalProperties":true}""",
            ["{\"a\": 1}", "{\"a\": 1, \"b\": [true], \"ab\": null, \"\": 0}"], ["{\"b\": 1}"], ["{\"a\": 1, \"a\": 2}"]),
        S("additional schema", """{"type":"object","additionalProperties":{"type":"number"}}""",
            ["{}", "{\"x\": 1, \"y\": 2.5}"], ["{\"x\": \"1\"}"]),
        S("empty closed object", """{"type":"object","properties":{},"additionalProperties":false}""", ["{}", "{ }"], ["{\"a\": 1}"]),
        S("json object", """{"type":"object"}""", ["{}", "{\"k\": {\"n\": [1, 2]}}"], ["[]", "\"{}\""]),
        S("array", """{"type":"array","items":{"type":"integer"}}""", ["[]", "[1, 2, 3]"], ["[1,]", "[\"a\"]"]),
        S("array bounds", """{"type":"array","items":{"type":"boolean"},"minItems":2,"maxItems":3}""", ["[true, false]", "[true, true, true]"], ["[true]", "[true, true, true, true]"]),
        S("array exact", """{"type":"array","items":{"type":"string"},"minItems":1,"maxItems":1}""", ["[\"only\"]"], ["[]", "[\"a\", \"b\"]"]),
        S("array any items", """{"type":"array","maxItems":2}""", ["[]", "[1, \"x\"]"], ["[1, 2, 3]"]),
        S("nested", """{"type":"object","properties":{"user":{"type":"object","properties":{"name":{"type":"string"},"emails":{"type":"array","items":{"type":"string"}}},"required":["name","emails"],"additionalProperties":false}},"required":["user"],"additionalProperties":false}""",
            ["{\"user\": {\"name\": \"a\", \"emails\": [\"x@y\"]}}"], ["{\"user\": {\"name\": \"a\"}}"]),
        S("anyOf", """{"anyOf":[{"type":"integer"},{"type":"object","properties":{"k":{"type":"string"}},"required":["k"],"additionalProperties":false}]}""",
            ["5", "{\"k\": \"v\"}"], ["\"5\"", "{}"]),
        S("oneOf", """{"oneOf":[{"type":"string","maxLength":2},{"type":"boolean"}]}""", ["\"ab\"", "true"], ["\"abc\"", "null"]),
        S("allOf objects", """{"allOf":[{"type":"object","properties":{"a":{"type":"integer"}},"required":["a"]},{"properties":{"b":{"type":"string"}},"required":["b"]}]}""",
            ["{\"a\": 1, \"b\": \"x\"}"], ["{\"a\": 1}"], ["{\"a\": 1, \"b\": \"x\", \"c\": 3}"]),
        S("ref defs", """{"type":"object","properties":{"home":{"$ref":"#/$defs/address"},"work":{"$ref":"#/$defs/address"}},"required":["home"],"additionalProperties":false,"$defs":{"address":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"],"additionalProperties":false}}}""",
            ["{\"home\": {\"city\": \"Oslo\"}}", "{\"home\": {\"city\": \"A\"}, \"work\": {\"city\": \"B\"}}"], ["{\"home\": {}}"]),
        S("ref definitions", """{"$ref":"#/definitions/point","definitions":{"point":{"type":"object","properties":{"x":{"type":"number"},"y":{"type":"number"}},"required":["x","y"],"additionalProperties":false}}}""",
            ["{\"x\": 1, \"y\": -2.5}"], ["{\"x\": 1}"]),
        S("recursive tree", """{"$ref":"#/$defs/node","$defs":{"node":{"type":"object","properties":{"value":{"type":"integer"},"children":{"type":"array","items":{"$ref":"#/$defs/node"}}},"required":["value","children"],"additionalProperties":false}}}""",
            ["{\"value\": 1, \"children\": []}", "{\"value\": 1, \"children\": [{\"value\": 2, \"children\": [{\"value\": 3, \"children\": []}]}]}"], ["{\"value\": 1, \"children\": [{\"value\": 2}]}"]),
        S("date", """{"type":"string","format":"date"}""", ["\"2024-07-26\"", "\"1999-12-31\""], ["\"2024-13-01\"", "\"24-07-26\"", "\"2024-07-32\""]),
        S("time", """{"type":"string","format":"time"}""", ["\"12:30:00Z\"", "\"23:59:59.123+02:00\""], ["\"24:00:00Z\"", "\"12:30\""]),
        S("date-time", """{"type":"string","format":"date-time"}""", ["\"2024-07-26T12:00:00Z\""], ["\"2024-07-26 12:00:00Z\"", "\"2024-07-26\""]),
        S("uuid", """{"type":"string","format":"uuid"}""", ["\"123e4567-e89b-12d3-a456-426614174000\""], ["\"123e4567e89b12d3a456426614174000\"", "\"xyz\""]),
        S("string length", """{"type":"string","minLength":2,"maxLength":4}""", ["\"ab\"", "\"abcd\"", "\"é\\n\""], ["\"a\"", "\"abcde\""]),
        S("integer range", """{"type":"integer","minimum":1,"maximum":7}""", ["1", "4", "7"], ["0", "8", "-1", "10"]),
        S("integer wide range", """{"type":"integer","minimum":-25,"maximum":1234}""", ["-25", "-1", "0", "9", "99", "1000", "1234"], ["-26", "1235", "2000", "-100"]),
        S("integer minimum", """{"type":"integer","minimum":18}""", ["18", "99", "100", "123456"], ["17", "0", "-18"]),
        S("integer exclusive", """{"type":"integer","exclusiveMinimum":0,"exclusiveMaximum":100}""", ["1", "99"], ["0", "100"]),
        S("integer maximum negative", """{"type":"integer","maximum":-10}""", ["-10", "-11", "-100"], ["-9", "0", "5"]),
        S("nullable property", """{"type":"object","properties":{"v":{"type":["integer","null"]}},"required":["v"],"additionalProperties":false}""",
            ["{\"v\": null}", "{\"v\": 3}"], ["{\"v\": \"3\"}"]),
        S("tool call arguments", """{"type":"object","properties":{"location":{"type":"string","description":"City"},"unit":{"type":"string","enum":["celsius","fahrenheit"]},"days":{"type":"integer","minimum":1,"maximum":7}},"required":["location","unit"],"additionalProperties":false}""",
            ["{\"location\": \"Paris\", \"unit\": \"celsius\"}", "{\"location\": \"Paris\", \"unit\": \"celsius\", \"days\": 3}"], ["{\"location\": \"Paris\", \"unit\": \"kelvin\"}"]),
        S("array of objects", """{"type":"array","items":{"type":"object","properties":{"sku":{"type":"string"},"qty":{"type":"integer","minimum":0}},"required":["sku","qty"],"additionalProperties":false},"minItems":1}""",
            ["[{\"sku\": \"a\", \"qty\": 0}]"], ["[]", "[{\"sku\": \"a\", \"qty\": -1}]"]),
    ];
}
