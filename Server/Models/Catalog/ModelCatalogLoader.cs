using System.Text.Json;
using System.Text.Json.Nodes;
using LocalOpenAi.Formats.Templates;
using YamlDotNet.Core;

namespace LocalOpenAi.Server.Models.Catalog;

/// <summary>
/// Builds the catalog from the settings: the aliases of <c>--models-file</c>, or the one <c>--model</c>.
/// With a models file, <c>--model ALIAS</c> picks the default alias.
/// </summary>
internal static class ModelCatalogLoader
{
    /// <exception cref="ModelsFileException">The models file is missing, unreadable or invalid.</exception>
    public static ModelCatalog Load(InferenceOptions options)
    {
        if (!string.IsNullOrEmpty(options.ModelsFile))
        {
            return FromFile(options.ModelsFile, options);
        }

        if (string.IsNullOrEmpty(options.Model))
        {
            return ModelCatalog.Empty;
        }

        var alias = options.Alias ?? ModelReference.DefaultAlias(options.Model);
        var definition = new ModelDefinition(
            alias, options.Model, options.ChatTemplate, options.ContextSize, options.Parallel, options.GpuLayers,
            options.Embeddings, Preload: true, SamplingDefaults.None, Adapter: null);
        return new ModelCatalog([definition], alias);
    }

    private static ModelCatalog FromFile(string path, InferenceOptions options)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ModelsFileException($"Cannot read the models file '{path}': {exception.Message}", exception);
        }

        var document = Parse(path, text);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (document.Models is not { Count: > 0 } models)
        {
            throw new ModelsFileException($"{path}: 'models' must map at least one alias to its settings.");
        }

        var definitions = models.Select(pair => Define(path, directory, pair.Key, pair.Value, options)).ToList();
        var duplicate = definitions.GroupBy(definition => definition.Alias, StringComparer.OrdinalIgnoreCase).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new ModelsFileException($"{path}: the alias '{duplicate.Key}' appears twice (aliases are case-insensitive).");
        }

        var defaultAlias = document.Default ?? options.Model;
        if (defaultAlias is not null && !definitions.Any(definition => string.Equals(definition.Alias, defaultAlias, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ModelsFileException($"{path}: the default alias '{defaultAlias}' is not one of the file's aliases ({string.Join(", ", definitions.Select(definition => definition.Alias))}).");
        }

        return new ModelCatalog(definitions, definitions.FirstOrDefault(definition => string.Equals(definition.Alias, defaultAlias, StringComparison.OrdinalIgnoreCase))?.Alias);
    }

    private static ModelsFileDocument Parse(string path, string text)
    {
        var isYaml = !Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase);
        try
        {
            return (isYaml
                    ? YamlToJson.Convert(text) is JsonObject tree ? tree.Deserialize(ModelsFileJson.Default.ModelsFileDocument) : null
                    : JsonSerializer.Deserialize(text, ModelsFileJson.Default.ModelsFileDocument))
                ?? throw new ModelsFileException($"{path}: expected a mapping with 'models'.");
        }
        catch (YamlException exception)
        {
            throw new ModelsFileException($"{path}: line {exception.Start.Line}: {exception.Message}", exception);
        }
        catch (JsonException exception)
        {
            throw new ModelsFileException($"{path}: {Describe(exception)}", exception);
        }
    }

    private static string Describe(JsonException exception) =>
        exception.Path is { Length: > 1 } jsonPath ? $"at {jsonPath[2..]}: {exception.Message.Split(". Path:")[0]}" : exception.Message;

    private static ModelDefinition Define(string path, string directory, string alias, ModelsFileEntry? entry, InferenceOptions options)
    {
        string Problem(string message) => $"{path}: models.{alias}: {message}";

        if (string.IsNullOrWhiteSpace(alias) || alias.Any(character => char.IsWhiteSpace(character) || char.IsControl(character)))
        {
            throw new ModelsFileException($"{path}: '{alias}' is not a usable alias (no spaces).");
        }

        if (entry?.Model is not { Length: > 0 } source)
        {
            throw new ModelsFileException(Problem("'model' (a GGUF path, hf:OWNER/REPO[:QUANT] or synthetic:PRESET) is required."));
        }

        if (entry.ChatTemplate is { } template && ChatTemplateCatalog.FindByName(template) is null)
        {
            throw new ModelsFileException(Problem($"unknown chat_template '{template}'; known: {string.Join(", ", ChatTemplateCatalog.Names)}."));
        }

        if (entry.Parallel is < 1 or > 256 || entry.CtxSize is < 0)
        {
            throw new ModelsFileException(Problem("'parallel' must be 1-256 and 'ctx_size' at least 0."));
        }

        var defaults = entry.Defaults ?? SamplingDefaults.None;
        if (defaults.Temperature is < 0 or > 2 || defaults.TopP is <= 0 or > 1 || defaults.MaxTokens is < 1)
        {
            throw new ModelsFileException(Problem("defaults: 'temperature' must be 0-2, 'top_p' in (0, 1] and 'max_tokens' at least 1."));
        }

        AdapterDefinition? adapter = null;
        if (entry.Lora is { } lora)
        {
            if (lora.Path is not { Length: > 0 } adapterPath)
            {
                throw new ModelsFileException(Problem("lora: 'path' is required."));
            }

            if (lora.Scale is { } scale && !float.IsFinite(scale))
            {
                throw new ModelsFileException(Problem("lora: 'scale' must be a number."));
            }

            adapter = new AdapterDefinition(Path.GetFullPath(adapterPath, directory), lora.Scale ?? 1f);
        }

        return new ModelDefinition(
            alias,
            IsLocalPath(source) ? Path.GetFullPath(source, directory) : source,
            entry.ChatTemplate,
            entry.CtxSize ?? options.ContextSize,
            entry.Parallel ?? options.Parallel,
            entry.GpuLayers ?? options.GpuLayers,
            entry.Embeddings ?? false,
            entry.Preload ?? false,
            defaults,
            adapter);
    }

    private static bool IsLocalPath(string source) =>
        !source.StartsWith(ModelReference.SyntheticPrefix, StringComparison.Ordinal) && !Pull.HuggingFaceReference.HasPrefix(source);
}
