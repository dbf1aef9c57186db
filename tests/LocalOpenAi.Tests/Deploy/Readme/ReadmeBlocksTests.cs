using System.Text.RegularExpressions;
using LocalOpenAi.Server.Models;
using LocalOpenAi.Server.Models.Catalog;
using LocalOpenAi.Tests.Support;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace LocalOpenAi.Tests.Deploy.Readme;

/// <summary>
/// Every code block of the README, as written, against the real server process (<see cref="ReadmeServer"/>):
/// bash blocks run (<see cref="ReadmeShell"/>), the C# snippets of each section run in order as one script
/// (a model path of the reader's own becomes the tiny model), the JavaScript snippet runs with node, the
/// models file loads. The Python snippet is only parsed: PyPI, and so the <c>openai</c> package for Python,
/// cannot be reached from here.
/// </summary>
public sealed partial class ReadmeBlocksTests(ReadmeServer server) : IClassFixture<ReadmeServer>
{
    private static readonly string[] RunnableLanguages = ["bash", "yaml", "csharp", "js", "python"];

    public static TheoryData<int> BashBlocks => [.. ReadmeBlock.OfLanguage("bash").Select(block => block.Line)];

    public static TheoryData<string> CSharpSections => [.. ReadmeBlock.OfLanguage("csharp").Select(block => block.Section).Distinct()];

    [Fact]
    public void Every_block_names_a_language_this_test_runs()
    {
        var blocks = ReadmeBlock.ReadAll();

        Assert.True(blocks.Count >= 10, $"only {blocks.Count} blocks");
        Assert.All(blocks, block => Assert.Contains(block.Language, RunnableLanguages));
    }

    [Theory]
    [MemberData(nameof(BashBlocks))]
    public async Task A_bash_block_runs_against_the_server(int line)
    {
        var block = ReadmeBlock.OfLanguage("bash").Single(candidate => candidate.Line == line);

        var (exitCode, output) = await ReadmeShell.RunAsync(block, server.BaseAddress);

        Assert.True(exitCode == 0, $"{block} failed (exit {exitCode}):\n{output}");
        if (block.Text.Contains("\"stream\":true", StringComparison.Ordinal) && block.Text.Contains("/v1/chat/completions", StringComparison.Ordinal))
        {
            Assert.Contains("data: [DONE]", output);
        }
    }

    [Theory]
    [MemberData(nameof(CSharpSections))]
    public async Task The_csharp_snippets_of_a_section_run_in_order(string section)
    {
        var code = string.Join('\n', ReadmeBlock.OfLanguage("csharp").Where(block => block.Section == section).Select(block => block.Text));
        code = ReaderModelPath().Replace(code, $"options.ModelPath = \"{TestModels.TinyPath}\"")
            .Replace("http://127.0.0.1:8080/", server.BaseAddress.ToString(), StringComparison.Ordinal);
        var options = ScriptOptions.Default
            .AddReferences(typeof(OpenAI.OpenAIClient).Assembly, typeof(System.ClientModel.ApiKeyCredential).Assembly,
                typeof(Microsoft.Extensions.AI.IChatClient).Assembly, typeof(Microsoft.Extensions.AI.OpenAIClientExtensions).Assembly,
                typeof(Microsoft.Extensions.AI.AIFunctionFactory).Assembly, typeof(Microsoft.Agents.AI.AIAgent).Assembly,
                typeof(Microsoft.Agents.AI.ChatClientAgent).Assembly, typeof(LocalOpenAi.Client.LocalOpenAiClientOptions).Assembly,
                typeof(Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions).Assembly,
                typeof(Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions).Assembly)
            .AddImports("System", "System.ClientModel", "OpenAI", "OpenAI.Chat", "Microsoft.Extensions.AI", "Microsoft.Agents.AI",
                "Microsoft.Extensions.DependencyInjection", "LocalOpenAi.Client");

        var state = await CSharpScript.RunAsync(code, options);

        Assert.Null(state.Exception);
        Assert.Contains(state.Variables, variable => variable.Name == "agent" && variable.Value is Microsoft.Agents.AI.AIAgent);
        foreach (var disposable in state.Variables.Select(variable => variable.Value).OfType<IAsyncDisposable>())
        {
            await disposable.DisposeAsync();
        }
    }

    [Fact]
    public void The_javascript_snippet_runs_against_the_server()
    {
        var snippet = Assert.Single(ReadmeBlock.OfLanguage("js"));
        using var script = ScratchFile.Write(
            DeployFiles.PathOf($"tests/node/readme-snippet-{Guid.NewGuid():N}.mjs"),
            snippet.Text.Replace("http://127.0.0.1:8080/", server.BaseAddress.ToString(), StringComparison.Ordinal));

        var run = ExternalTool.Run("node", script.Path);

        Assert.True(run.ExitCode == 0, $"the JavaScript snippet failed:\n{run.Everything}");
    }

    [Fact]
    public void The_python_snippet_is_valid_python_naming_the_server()
    {
        var snippet = Assert.Single(ReadmeBlock.OfLanguage("python"));
        using var file = ScratchFile.InTemp("readme-snippet", ".py", snippet.Text);

        var run = ExternalTool.Run("python3", "-m", "py_compile", file.Path);

        Assert.True(run.ExitCode == 0, $"the Python snippet does not parse:\n{run.Everything}");
        Assert.Contains("\"base_url\": \"http://127.0.0.1:8080/v1\"", snippet.Text);
    }

    [Fact]
    public void The_models_file_example_loads()
    {
        var example = Assert.Single(ReadmeBlock.OfLanguage("yaml"));
        using var file = ScratchFile.InTemp("readme-models", ".yaml", example.Text);

        var catalog = ModelCatalogLoader.Load(new InferenceOptions { ModelsFile = file.Path });

        Assert.Equal(["assistant", "payments", "org-42"], catalog.Definitions.Select(definition => definition.Alias));
    }

    [GeneratedRegex("options\\.ModelPath = \"[^\"]*\"")]
    private static partial Regex ReaderModelPath();
}
