using LocalOpenAi.Server.Models.Catalog;
using LocalOpenAi.Tests.Support;
using LocalOpenAi.Server.Models;

namespace LocalOpenAi.Tests.Server.Models;

public sealed class ModelCatalogLoaderTests
{
    private static readonly InferenceOptions ServerDefaults = new() { Parallel = 3, ContextSize = 2048, GpuLayers = 7 };

    [Fact]
    public void Yaml_and_json_files_describe_the_same_catalog()
    {
        var yaml = Write(".yaml", """
            # two aliases over one base, one with an adapter
            default: org-42
            models:
              base:
                model: weights/base.gguf
                chat_template: chatml
                ctx_size: 4096
                parallel: 2
                preload: true
                defaults: { temperature: 0.2, top_p: 0.9, max_tokens: 64 }
              org-42:
                model: weights/base.gguf
                lora:
                  path: adapters/org-42.gguf
                  scale: 0.5
            """);
        var json = Write(".json", """
            {
              "default": "org-42",
              "models": {
                "base": { "model": "weights/base.gguf", "chat_template": "chatml", "ctx_size": 4096, "parallel": 2, "preload": true,
                          "defaults": { "temperature": 0.2, "top_p": 0.9, "max_tokens": 64 } },
                "org-42": { "model": "weights/base.gguf", "lora": { "path": "adapters/org-42.gguf", "scale": 0.5 } }
              }
            }
            """);

        var fromYaml = Load(yaml);
        var fromJson = Load(json);

        Assert.Equal(fromYaml.Definitions, fromJson.Definitions);
        Assert.Equal("org-42", fromYaml.DefaultAlias);
        var directory = Path.GetDirectoryName(yaml)!;
        var base_ = fromYaml.Find("BASE")!;
        Assert.Equal(new ModelDefinition("base", Path.Combine(directory, "weights", "base.gguf"), "chatml", 4096, 2, 7, false, true,
            new SamplingDefaults { Temperature = 0.2f, TopP = 0.9f, MaxTokens = 64 }, null), base_);
        var org = fromYaml.Find("org-42")!;
        Assert.Equal((ServerDefaults.ContextSize, ServerDefaults.Parallel, false), (org.ContextSize, org.Parallel, org.Preload));
        Assert.Equal(new AdapterDefinition(Path.Combine(directory, "adapters", "org-42.gguf"), 0.5f), org.Adapter);
    }

    [Fact]
    public void Remote_and_synthetic_sources_are_kept_as_written_and_the_first_alias_is_the_default()
    {
        var catalog = Load(Write(".yml", """
            models:
              hub: { model: "hf:bartowski/Llama-3.2-1B-Instruct-GGUF:Q4_K_M" }
              demo: { model: synthetic:tiny }
            """));

        Assert.Equal("hf:bartowski/Llama-3.2-1B-Instruct-GGUF:Q4_K_M", catalog.Find("hub")!.Source);
        Assert.Equal("synthetic:tiny", catalog.Find("demo")!.Source);
        Assert.Equal("hub", catalog.DefaultAlias);
    }

    [Fact]
    public void Model_option_names_the_default_alias_of_a_models_file()
    {
        var path = Write(".yaml", "models:\n  a: { model: a.gguf }\n  b: { model: b.gguf }\n");

        var catalog = ModelCatalogLoader.Load(new InferenceOptions { ModelsFile = path, Model = "b" });

        Assert.Equal("b", catalog.DefaultAlias);
    }

    [Fact]
    public void A_single_model_option_is_a_catalog_of_one_preloaded_alias()
    {
        var catalog = ModelCatalogLoader.Load(new InferenceOptions { Model = "/models/llama.gguf", Parallel = 8 });

        var only = Assert.Single(catalog.Definitions);
        Assert.Equal(("llama", "/models/llama.gguf", 8, true), (only.Alias, only.Source, only.Parallel, only.Preload));
        Assert.Equal("llama", catalog.DefaultAlias);
    }

    [Theory]
    [InlineData("models:\n  a: { model: a.gguf, temprature: 0.3 }\n", "temprature")]
    [InlineData("models:\n  a: { chat_template: chatml }\n", "'model'")]
    [InlineData("models:\n  a: { model: a.gguf, chat_template: alpaca }\n", "unknown chat_template 'alpaca'")]
    [InlineData("models:\n  a: { model: a.gguf }\n  A: { model: b.gguf }\n", "appears twice")]
    [InlineData("models:\n  a: { model: a.gguf }\n  a: { model: b.gguf }\n", "line 3: Duplicate key a")]
    [InlineData("default: c\nmodels:\n  a: { model: a.gguf }\n", "default alias 'c'")]
    [InlineData("models:\n  a: { model: a.gguf, parallel: \"4\" }\n", "parallel")]
    [InlineData("models:\n  a: { model: a.gguf, parallel: 0 }\n", "'parallel' must be 1-256")]
    [InlineData("models:\n  a: { model: a.gguf, defaults: { temperature: 3 } }\n", "temperature")]
    [InlineData("models:\n  a: { model: a.gguf, lora: { scale: 1 } }\n", "lora: 'path' is required")]
    [InlineData("models: {}\n", "at least one alias")]
    [InlineData("models:\n  a: [unclosed\n", "line")]
    public void An_invalid_file_is_refused_with_a_message_that_names_the_problem(string yaml, string expected)
    {
        var path = Write(".yaml", yaml);

        var error = Assert.Throws<ModelsFileException>(() => Load(path));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_refused_with_its_path()
    {
        var path = TestModels.NewPath(".yaml");

        var error = Assert.Throws<ModelsFileException>(() => Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    private static ModelCatalog Load(string path) =>
        ModelCatalogLoader.Load(new InferenceOptions { ModelsFile = path, Parallel = ServerDefaults.Parallel, ContextSize = ServerDefaults.ContextSize, GpuLayers = ServerDefaults.GpuLayers });

    private static string Write(string extension, string text)
    {
        var path = TestModels.NewPath(extension);
        File.WriteAllText(path, text);
        return path;
    }
}
