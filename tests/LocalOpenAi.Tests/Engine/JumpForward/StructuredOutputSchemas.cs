namespace LocalOpenAi.Tests.Engine.JumpForward;

/// <summary>The four schemas of the structured-output benchmark, with every string bounded so that random weights finish a document.</summary>
public static class StructuredOutputSchemas
{
    public const string Order = """
        {"type":"object","properties":{
          "item":{"enum":["espresso","cappuccino","flat white","cold brew"]},
          "size":{"enum":["small","medium","large"]},
          "quantity":{"type":"integer","minimum":1,"maximum":9},
          "takeaway":{"type":"boolean"},"paid":{"type":"boolean"}},
         "required":["item","size","quantity","takeaway","paid"],"additionalProperties":false}
        """;

    public const string ToolCall = """
        {"type":"object","properties":{
          "name":{"const":"get_weather"},
          "arguments":{"type":"object","properties":{
            "city":{"type":"string","maxLength":12},
            "unit":{"enum":["celsius","fahrenheit"]},
            "days":{"type":"integer","minimum":1,"maximum":7}},
           "required":["city","unit","days"],"additionalProperties":false}},
         "required":["name","arguments"],"additionalProperties":false}
        """;

    public const string EightFields = """
        {"type":"object","properties":{
          "id":{"type":"integer","minimum":0,"maximum":99999},
          "first_name":{"type":"string","maxLength":8},
          "last_name":{"type":"string","maxLength":8},
          "email":{"type":"string","maxLength":16},
          "age":{"type":"integer","minimum":0,"maximum":120},
          "active":{"type":"boolean"},
          "role":{"enum":["admin","editor","viewer"]},
          "verified":{"type":"boolean"}},
         "required":["id","first_name","last_name","email","age","active","role","verified"],"additionalProperties":false}
        """;

    public const string NestedArrays = """
        {"type":"object","properties":{
          "customer":{"type":"object","properties":{
            "name":{"type":"string","maxLength":10},
            "tags":{"type":"array","items":{"enum":["new","vip","returning"]},"maxItems":3}},
           "required":["name","tags"],"additionalProperties":false},
          "lines":{"type":"array","items":{"type":"object","properties":{
            "sku":{"type":"string","maxLength":6},
            "qty":{"type":"integer","minimum":1,"maximum":99}},
           "required":["sku","qty"],"additionalProperties":false},"minItems":1,"maxItems":3}},
         "required":["customer","lines"],"additionalProperties":false}
        """;

    public static IReadOnlyList<(string Name, string Schema)> All { get; } =
        [("order", Order), ("tool call", ToolCall), ("eight fields", EightFields), ("nested arrays", NestedArrays)];
}
