namespace LocalOpenAi.Router.Classification;

/// <summary>The structured output a request demands through <c>response_format</c>.</summary>
public enum StructuredOutput
{
    /// <summary>Free text.</summary>
    None,

    /// <summary><c>{"type":"json_object"}</c>: any JSON object.</summary>
    JsonObject,

    /// <summary><c>{"type":"json_schema"}</c>: JSON that must match a schema.</summary>
    JsonSchema,
}
