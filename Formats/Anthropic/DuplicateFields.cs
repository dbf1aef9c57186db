using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LocalOpenAi.Formats.Anthropic;

/// <summary>
/// Finds a field given twice in one object. <see cref="JsonNode.Parse(string, JsonNodeOptions?, JsonDocumentOptions)"/>
/// accepts duplicates and a <see cref="JsonObject"/> throws on first access to one, so a body is checked before it is read.
/// </summary>
internal static class DuplicateFields
{
    public static AnthropicError? Find(JsonObject body)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(body.ToJsonString()));
        var path = new List<string>();
        var scopes = new Stack<(HashSet<string>? Names, int Index)>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    var name = reader.GetString()!;
                    if (!scopes.Peek().Names!.Add(name))
                    {
                        var field = string.Join('.', path.Append(name));
                        return AnthropicError.InvalidField(field, "Field given more than once");
                    }

                    path.Add(name);
                    continue;
                case JsonTokenType.StartObject:
                    EnterValue(scopes, path);
                    scopes.Push(([], 0));
                    continue;
                case JsonTokenType.StartArray:
                    EnterValue(scopes, path);
                    scopes.Push((null, 0));
                    continue;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    scopes.Pop();
                    break;
                default:
                    EnterValue(scopes, path);
                    break;
            }

            if (scopes.Count > 0)
            {
                path.RemoveAt(path.Count - 1);
            }
        }

        return null;
    }

    /// <summary>An array element takes the next index as its path segment; an object member already pushed its name.</summary>
    private static void EnterValue(Stack<(HashSet<string>? Names, int Index)> scopes, List<string> path)
    {
        if (scopes.Count > 0 && scopes.Peek() is { Names: null } array)
        {
            path.Add(array.Index.ToString(System.Globalization.CultureInfo.InvariantCulture));
            scopes.Pop();
            scopes.Push((null, array.Index + 1));
        }
    }
}
