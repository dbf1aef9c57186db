using System.Net;
using LocalOpenAi.Formats.Gguf;
using LocalOpenAi.Formats.Gguf.Synthetic;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server.Models;

/// <summary>Aliases that put LoRA adapters over one base model: shared weights, per-alias output, hot reload.</summary>
public sealed class LoraAliasTests
{
    private const string Prompt = "Tell me about the weather";

    [Fact]
    public async Task Adapter_aliases_share_the_base_weights_and_differ_from_it_except_at_scale_zero()
    {
        var model = TestModels.Get(SyntheticModelPreset.Tiny, GgufQuantization.Q8_0);
        var adapter = TestModels.Adapter(SyntheticModelPreset.Tiny);
        await using var server = await ModelsFileServer.StartAsync($"""
            models:
              base: {"{"} model: {model} {"}"}
              org-42: {"{"} model: {model}, lora: {"{"} path: {adapter}, scale: 1.0 {"}"} {"}"}
              org-off: {"{"} model: {model}, lora: {"{"} path: {adapter}, scale: 0 {"}"} {"}"}
            """);

        var answers = await Task.WhenAll(((string[])["base", "org-42", "org-off"]).Select(alias => GreedyAsync(server, alias)));

        Assert.NotEqual(answers[0], answers[1]);
        Assert.Equal(answers[0], answers[2]);
        var leases = await Task.WhenAll(((string[])["base", "org-42", "org-off"]).Select(alias => server.Models.AcquireAsync(alias, CancellationToken.None)));
        var loaded = leases.Select(acquisition => acquisition.Lease!.Value).ToList();
        Assert.All(loaded, local => Assert.Same(loaded[0].Model, local.Model));
        Assert.Null(loaded[0].Scheduler.Adapter);
        Assert.Equal((adapter, 1f), (loaded[1].Scheduler.Adapter!.Path, loaded[1].Scheduler.AdapterScale));
        Array.ForEach(leases, acquisition => acquisition.Lease!.Dispose());
    }

    [Fact]
    public async Task Replacing_the_adapter_file_reloads_it_without_a_restart()
    {
        var model = TestModels.Get(SyntheticModelPreset.Tiny, GgufQuantization.Q8_0);
        var first = TestModels.Adapter(SyntheticModelPreset.Tiny, seed: 1);
        var second = TestModels.Adapter(SyntheticModelPreset.Tiny, seed: 2);
        var live = TestModels.NewPath();
        File.Copy(first, live);
        await using var server = await ModelsFileServer.StartAsync($"""
            models:
              live: {"{"} model: {model}, lora: {"{"} path: {live} {"}"} {"}"}
              first: {"{"} model: {model}, lora: {"{"} path: {first} {"}"} {"}"}
              second: {"{"} model: {model}, lora: {"{"} path: {second} {"}"} {"}"}
            """);
        var before = await GreedyAsync(server, "live");
        var expectedAfter = await GreedyAsync(server, "second");

        ReplaceAtomically(second, live);
        var reloaded = await WaitForAnswerAsync(server, "live", expectedAfter, TimeSpan.FromSeconds(15));

        Assert.Equal(await GreedyAsync(server, "first"), before);
        Assert.NotEqual(before, expectedAfter);
        Assert.True(reloaded, "the live alias never answered with the new adapter");
        Assert.Equal(1, await server.MetricAsync("localopenai_model_unloads_total{model=\"live\",reason=\"replaced\"}"));
    }

    [Fact]
    public async Task A_broken_adapter_file_keeps_the_previous_adapter_in_service()
    {
        var model = TestModels.Get(SyntheticModelPreset.Tiny, GgufQuantization.Q8_0);
        var live = TestModels.NewPath();
        File.Copy(TestModels.Adapter(SyntheticModelPreset.Tiny, seed: 1), live);
        await using var server = await ModelsFileServer.StartAsync($"models:\n  live: {{ model: {model}, lora: {{ path: {live} }} }}\n");
        var before = await GreedyAsync(server, "live");

        var garbage = TestModels.NewPath();
        await File.WriteAllTextAsync(garbage, "half an adapter");
        ReplaceAtomically(garbage, live);
        await Task.Delay(1000);

        Assert.Equal(before, await GreedyAsync(server, "live"));
        Assert.Equal(0, await server.MetricAsync("localopenai_model_unloads_total{model=\"live\",reason=\"replaced\"}"));
    }

    private static void ReplaceAtomically(string source, string destination)
    {
        var staging = destination + ".new";
        File.Copy(source, staging, overwrite: true);
        File.SetLastWriteTimeUtc(staging, DateTime.UtcNow.AddSeconds(5));
        File.Move(staging, destination, overwrite: true);
    }

    private static async Task<string> GreedyAsync(ModelsFileServer server, string alias)
    {
        var (status, body) = await server.ChatAsync(alias, Prompt, maxTokens: 12);
        Assert.Equal(HttpStatusCode.OK, status);
        return body.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!;
    }

    private static async Task<bool> WaitForAnswerAsync(ModelsFileServer server, string alias, string expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await GreedyAsync(server, alias) == expected)
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }
}
