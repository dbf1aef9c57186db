using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LocalOpenAi.Formats.Anthropic;

/// <summary>
/// Typed reads of client JSON that record the first wrong field, worded as Anthropic's validation
/// words it (<c>messages.0.role: Input should be 'user' or 'assistant'</c>), instead of throwing.
/// </summary>
/// <remarks>A failed read returns null; callers carry on with what they have and check <see cref="Error"/> at the end.</remarks>
internal sealed class AnthropicFields
{
    public AnthropicError? Error { get; private set; }

    public static string Path(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    public static string Path(string parent, int index) => $"{parent}.{index}";

    public void Fail(string path, string problem) => Error ??= AnthropicError.InvalidField(path, problem);

    public JsonNode? Node(JsonObject owner, string name, string parent, bool required = false)
    {
        var node = owner[name];
        if (node is null && required)
        {
            Fail(Path(parent, name), "Field required");
        }

        return node;
    }

    public string? String(JsonObject owner, string name, string parent, bool required = false) =>
        Node(owner, name, parent, required) switch
        {
            null => null,
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
            _ => Wrong<string>(Path(parent, name), "a valid string"),
        };

    public bool? Boolean(JsonObject owner, string name, string parent) =>
        Node(owner, name, parent) switch
        {
            null => null,
            JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
            _ => WrongValue<bool>(Path(parent, name), "a valid boolean"),
        };

    public double? Number(JsonObject owner, string name, string parent) =>
        Node(owner, name, parent) switch
        {
            null => null,
            JsonValue value when value.GetValueKind() == JsonValueKind.Number => double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture),
            _ => WrongValue<double>(Path(parent, name), "a valid number"),
        };

    public int? Integer(JsonObject owner, string name, string parent, bool required = false) =>
        Node(owner, name, parent, required) switch
        {
            null => null,
            JsonValue value when value.GetValueKind() == JsonValueKind.Number
                && int.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => number,
            _ => WrongValue<int>(Path(parent, name), "a valid integer"),
        };

    public JsonObject? Object(JsonObject owner, string name, string parent, bool required = false) =>
        Node(owner, name, parent, required) switch
        {
            null => null,
            JsonObject value => value,
            _ => Wrong<JsonObject>(Path(parent, name), "a valid dictionary"),
        };

    public JsonArray? Array(JsonObject owner, string name, string parent, bool required = false) =>
        Node(owner, name, parent, required) switch
        {
            null => null,
            JsonArray value => value,
            _ => Wrong<JsonArray>(Path(parent, name), "a valid list"),
        };

    /// <summary>The objects of an array, with their paths; a non-object element is recorded and skipped.</summary>
    public IEnumerable<(JsonObject Item, string Path)> Objects(JsonArray array, string path)
    {
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonObject item)
            {
                yield return (item, Path(path, i));
            }
            else
            {
                Fail(Path(path, i), "Input should be a valid dictionary");
            }
        }
    }

    private T? Wrong<T>(string path, string expected)
        where T : class
    {
        Fail(path, $"Input should be {expected}");
        return null;
    }

    private T? WrongValue<T>(string path, string expected)
        where T : struct
    {
        Fail(path, $"Input should be {expected}");
        return null;
    }
}
