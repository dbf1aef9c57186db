using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LocalOpenAi.Cache;

/// <summary>The cache key of one generation request: a versioned SHA-256 of everything that changes the output.</summary>
/// <remarks>
/// The hash covers the endpoint, the model alias actually used, the tenant (the API key's identity) and the
/// whole request body in canonical form (keys sorted recursively, no whitespace, numbers
/// normalised) minus the fields that do not change the generated content: <c>stream</c>,
/// <c>stream_options</c> and <c>user</c>. Messages, prompt, tools, response_format, sampling
/// parameters, n, max tokens, stop and logit bias are all part of the body and so of the key.
/// Bump <see cref="Version"/> whenever the meaning of the key changes; old entries then stop matching.
/// </remarks>
public readonly record struct ResponseCacheKey
{
    /// <summary>Version of the key derivation; part of both the hashed input and <see cref="Value"/>.</summary>
    public const int Version = 1;

    private static readonly HashSet<string> IgnoredFields = new(StringComparer.Ordinal) { "stream", "stream_options", "user" };

    private ResponseCacheKey(string value) => Value = value;

    /// <summary>The key text: <c>v1:</c> followed by 64 lowercase hex digits.</summary>
    public string Value { get; }

    /// <summary>Builds the key of a request body.</summary>
    /// <param name="endpoint">The endpoint path, e.g. <c>/v1/chat/completions</c>; responses differ in shape per endpoint.</param>
    /// <param name="modelAlias">The model alias actually used to generate.</param>
    /// <param name="tenant">The API key's identity (not its owner label); null for anonymous. Tenants never share entries.</param>
    /// <param name="body">The parsed request body (a JSON object).</param>
    /// <exception cref="ArgumentException"><paramref name="body"/> is not a JSON object.</exception>
    public static ResponseCacheKey Create(string endpoint, string modelAlias, string? tenant, JsonElement body)
    {
        ArgumentException.ThrowIfNullOrEmpty(endpoint);
        ArgumentException.ThrowIfNullOrEmpty(modelAlias);
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"The request body must be a JSON object, not {body.ValueKind}.", nameof(body));
        }

        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", Version);
            writer.WriteString("endpoint", endpoint);
            writer.WriteString("model", modelAlias);
            if (tenant is null)
            {
                writer.WriteNull("tenant");
            }
            else
            {
                writer.WriteString("tenant", tenant);
            }

            writer.WritePropertyName("body");
            CanonicalJson.Write(writer, body, IgnoredFields);
            writer.WriteEndObject();
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer.WrittenSpan, hash);
        return new ResponseCacheKey($"v{Version}:{Convert.ToHexStringLower(hash)}");
    }

    /// <inheritdoc cref="Create(string, string, string?, JsonElement)"/>
    public static ResponseCacheKey Create(string endpoint, string modelAlias, string? tenant, JsonNode body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Create(endpoint, modelAlias, tenant, JsonSerializer.SerializeToElement(body, CacheJsonContext.Default.JsonNode));
    }

    /// <summary>The key of an object stored by id (a stored Response), scoped to its tenant: <c>v1:KIND:</c> and a SHA-256 of tenant and id.</summary>
    public static ResponseCacheKey ForStoredObject(string kind, string? tenant, string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentException.ThrowIfNullOrEmpty(id);
        var hash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{tenant ?? string.Empty}\0{id}"));
        return new ResponseCacheKey($"v{Version}:{kind}:{Convert.ToHexStringLower(hash)}");
    }

    /// <summary>Wraps a key text previously taken from <see cref="Value"/> (e.g. read back from a log or store).</summary>
    public static ResponseCacheKey FromValue(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        return new ResponseCacheKey(value);
    }

    /// <inheritdoc />
    public override string ToString() => Value;
}
