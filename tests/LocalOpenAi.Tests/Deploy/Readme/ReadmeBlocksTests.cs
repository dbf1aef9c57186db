using LocalOpenAi.Server.Models;
using LocalOpenAi.Server.Models.Catalog;
using LocalOpenAi.Tests.Server.Cli;
using LocalOpenAi.Tests.Support;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace LocalOpenAi.Tests.Deploy.Readme;

/// <summary>
/// Every code block of the README, as written, against the real server process (the tiny model under the
/// README's alias): bash blocks run (<see cref="ReadmeShell"/>), C# and JavaScript snippets run against the
/// server, the models file loads. The Python snippet is only parsed: PyPI, and so the <c>openai</c> package
/// for Python, cannot be reached from here.
/// </summary>
public sealed class ReadmeBlocksTests
{
    private static readonly string[] RunnableLanguages = ["bash", "yaml", "csharp", "js", "python"];

    [Fact]
    public void Every_block_names_a_language_this_test_runs()
    {
        var blocks = ReadmeBlock.ReadAll();

        Assert.NotEmpty(blocks);
        Assert.All(blocks, block => Assert.Contains(block.Language, RunnableLanguages));
    }

    [Fact]
    public async Task Every_bash_block_runs_against_the_server()
    {
        var blocks = ReadmeBlock.OfLanguage("bash");
        Assert.True(blocks.Count >= 5, $"only {blocks.Count} bash blocks");
        await using var server = await StartServerAsync();

        var outputs = new List<string>();
        foreach (var block in blocks)
        {
            var (exitCode, output) = await ReadmeShell.RunAsync(block, server.Http.BaseAddress!);
            Assert.True(exitCode == 0, $"{block} failed (exit {exitCode}):\n{output}");
            outputs.Add(output);
        }

        var all = string.Join('\n', outputs);
        Assert.Contains("\"object\":\"chat.completion\"", all);
        Assert.Contains("data: [DONE]", all);
        Assert.Contains("\"object\":\"response\"", all);
        Assert.Contains("event: message_stop", all);
        Assert.Contains("not run: downloads a model from Hugging Face", all);
    }

    [Fact]
    public async Task The_csharp_snippets_run_in_order_against_the_server()
    {
        var snippets = ReadmeBlock.OfLanguage("csharp");
        Assert.NotEmpty(snippets);
        await using var server = await StartServerAsync();
        var code = string.Join('\n', snippets.Select(snippet => snippet.Text)).Replace("http://127.0.0.1:8080/", server.Http.BaseAddress!.ToString(), StringComparison.Ordinal);
        var options = ScriptOptions.Default
            .AddReferences(typeof(OpenAI.OpenAIClient).Assembly, typeof(System.ClientModel.ApiKeyCredential).Assembly,
                typeof(Microsoft.Extensions.AI.IChatClient).Assembly, typeof(Microsoft.Extensions.AI.OpenAIClientExtensions).Assembly,
                typeof(Microsoft.Agents.AI.AIAgent).Assembly, typeof(Microsoft.Agents.AI.ChatClientAgent).Assembly)
            .AddImports("System", "System.ClientModel", "OpenAI", "OpenAI.Chat", "Microsoft.Extensions.AI", "Microsoft.Agents.AI");

        var state = await CSharpScript.RunAsync(code, options);

        Assert.Null(state.Exception);
        Assert.Contains(state.Variables, variable => variable.Name == "agent" && variable.Value is Microsoft.Agents.AI.AIAgent);
    }

    [Fact]
    public async Task The_javascript_snippet_runs_against_the_server()
    {
        var snippet = Assert.Single(ReadmeBlock.OfLanguage("js"));
        await using var server = await StartServerAsync();
        var script = DeployFiles.PathOf($"tests/node/readme-snippet-{Guid.NewGuid():N}.mjs");
        await File.WriteAllTextAsync(script, snippet.Text.Replace("http://127.0.0.1:8080/", server.Http.BaseAddress!.ToString(), StringComparison.Ordinal));
        try
        {
            var run = ExternalTool.Run("node", script);

            Assert.True(run.ExitCode == 0, $"the JavaScript snippet failed:\n{run.Everything}");
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Fact]
    public void The_python_snippet_is_valid_python_naming_the_server()
    {
        var snippet = Assert.Single(ReadmeBlock.OfLanguage("python"));
        var file = Path.Combine(Path.GetTempPath(), $"readme-snippet-{Guid.NewGuid():N}.py");
        File.WriteAllText(file, snippet.Text);
        try
        {
            var run = ExternalTool.Run("python3", "-m", "py_compile", file);

            Assert.True(run.ExitCode == 0, $"the Python snippet does not parse:\n{run.Everything}");
            Assert.Contains("\"base_url\": \"http://127.0.0.1:8080/v1\"", snippet.Text);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void The_models_file_example_loads()
    {
        var example = Assert.Single(ReadmeBlock.OfLanguage("yaml"));
        var file = Path.Combine(Path.GetTempPath(), $"readme-models-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, example.Text);
        try
        {
            var catalog = ModelCatalogLoader.Load(new InferenceOptions { ModelsFile = file });

            Assert.Equal(["assistant", "payments", "org-42"], catalog.Definitions.Select(definition => definition.Alias));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static Task<RunningServerProcess> StartServerAsync() =>
        RunningServerProcess.StartAsync("--model", TestModels.TinyPath, "--alias", "synthetic-small", "--embeddings", "--parallel", "2");
}
