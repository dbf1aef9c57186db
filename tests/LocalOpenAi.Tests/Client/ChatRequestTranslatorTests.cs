using System.Text.Json;
using LocalOpenAi.Client.Chat;
using LocalOpenAi.Client.Planning;
using LocalOpenAi.Tests.Support;
using Microsoft.Extensions.AI;

namespace LocalOpenAi.Tests.Client;

/// <summary><see cref="ChatOptions"/> planned for the tiny model: what reaches the scheduler.</summary>
[Collection(LocalClientCollection.Name)]
public sealed class ChatRequestTranslatorTests(LocalClientFixture local)
{
    private static readonly AIFunction Lookup = AIFunctionFactory.Create((int id) => id, "lookup_order");

    private ChatRun Plan(ChatOptions options)
    {
        var (run, error) = ChatRunPlanner.Plan(local.Engine.Model, local.Engine.Template, ChatRequestTranslator.ToRequest([new(ChatRole.User, "hi")], options));
        Assert.Null(error);
        return run!;
    }

    [Fact]
    public void Sampling_options_reach_the_generation()
    {
        var run = Plan(new ChatOptions { Temperature = 0.3f, TopP = 0.8f, TopK = 7, Seed = 11, MaxOutputTokens = 21, StopSequences = ["END"], FrequencyPenalty = 0.5f, PresencePenalty = 0.25f });

        var generation = Assert.Single(run.Generations);
        Assert.Equal(0.3f, generation.Sampling.Temperature);
        Assert.Equal(0.8f, generation.Sampling.TopP);
        Assert.Equal(7, generation.Sampling.TopK);
        Assert.Equal(11u, generation.Sampling.Seed);
        Assert.Equal(0.5f, generation.Sampling.FrequencyPenalty);
        Assert.Equal(0.25f, generation.Sampling.PresencePenalty);
        Assert.Equal(21, generation.MaxTokens);
        Assert.Equal(["END"], generation.StopSequences);
        Assert.Null(generation.Sampling.Grammar);
        Assert.Equal(generation.PromptTokens.Count, run.PromptTokens);
    }

    [Fact]
    public void Json_formats_become_grammars()
    {
        Assert.NotNull(Assert.Single(Plan(new ChatOptions { ResponseFormat = ChatResponseFormat.Json }).Generations).Sampling.Grammar);
        Assert.Null(Assert.Single(Plan(new ChatOptions { ResponseFormat = ChatResponseFormat.Text }).Generations).Sampling.Grammar);
    }

    [Fact]
    public void Only_a_required_tool_mode_forces_a_call_and_tools_are_read_back_in_every_mode_but_none()
    {
        var auto = Plan(new ChatOptions { Tools = [Lookup], ToolMode = ChatToolMode.Auto });
        var none = Plan(new ChatOptions { Tools = [Lookup], ToolMode = ChatToolMode.None });
        var any = Plan(new ChatOptions { Tools = [Lookup], ToolMode = ChatToolMode.RequireAny });
        var named = Plan(new ChatOptions { Tools = [Lookup], ToolMode = ChatToolMode.RequireSpecific("lookup_order") });

        Assert.Null(auto.Generations[0].Sampling.Grammar);
        Assert.NotNull(auto.Tools);
        Assert.Null(none.Tools);
        Assert.Contains("lookup_order", any.Generations[0].Sampling.Grammar);
        Assert.Contains("lookup_order", named.Generations[0].Sampling.Grammar);
    }

    [Fact]
    public void A_required_tool_that_is_not_offered_is_a_plan_error_naming_tool_choice()
    {
        var request = ChatRequestTranslator.ToRequest([new(ChatRole.User, "hi")], new ChatOptions { Tools = [Lookup], ToolMode = ChatToolMode.RequireSpecific("missing") });

        var (run, error) = ChatRunPlanner.Plan(local.Engine.Model, local.Engine.Template, request);

        Assert.Null(run);
        Assert.Equal("tool_choice", error!.Param);
        Assert.Equal("function", request.ToolChoice!.Value.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Object, request.Tools![0].Function.Parameters!.Value.ValueKind);
    }
}
