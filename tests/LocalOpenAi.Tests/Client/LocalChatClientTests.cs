using System.Text.Json;
using LocalOpenAi.Formats.Grammar;
using LocalOpenAi.Tests.Support;
using Microsoft.Extensions.AI;

namespace LocalOpenAi.Tests.Client;

/// <summary>The in-process <see cref="IChatClient"/> on real llama.cpp: streaming, structured output, usage, finish reasons.</summary>
[Collection(LocalClientCollection.Name)]
public sealed class LocalChatClientTests(LocalClientFixture local)
{
    private static readonly JsonElement ForecastSchema = JsonDocument.Parse(
        """{"type":"object","properties":{"city":{"enum":["Paris","Oslo","Lima"]},"days":{"type":"integer","minimum":1,"maximum":7},"sunny":{"type":"boolean"}},"required":["city","days","sunny"],"additionalProperties":false}""").RootElement;

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task Streamed_updates_concatenate_to_the_non_streamed_answer()
    {
        var options = new ChatOptions { Temperature = 0, Seed = 5, MaxOutputTokens = 12 };
        List<ChatMessage> prompt = [new(ChatRole.System, "You are terse."), new(ChatRole.User, "Say hello")];

        var whole = await local.Chat.GetResponseAsync(prompt, options);
        var updates = await local.Chat.GetStreamingResponseAsync(prompt, options).ToListAsync();
        var streamed = updates.ToChatResponse();

        Assert.True(updates.Count(update => update.Text.Length > 0) > 1, $"{updates.Count} updates");
        Assert.Equal(whole.Text, string.Concat(updates.Select(update => update.Text)));
        Assert.Equal(ChatRole.Assistant, Assert.Single(streamed.Messages).Role);
        Assert.Equal(ChatRole.Assistant, Assert.Single(whole.Messages).Role);
        Assert.Equal(whole.FinishReason, streamed.FinishReason);
        Assert.Equal("tiny", streamed.ModelId);
        Assert.Single(updates.Select(update => update.ResponseId).Distinct());
        Assert.Equal(whole.Usage!.InputTokenCount, streamed.Usage!.InputTokenCount);
        Assert.Equal(whole.Usage.OutputTokenCount, streamed.Usage.OutputTokenCount);
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task Usage_counts_are_positive_and_add_up()
    {
        var response = await local.Chat.GetResponseAsync("Count to three", new ChatOptions { Temperature = 0, MaxOutputTokens = 6 });

        var usage = response.Usage!;
        Assert.True(usage.InputTokenCount > 5, $"{usage.InputTokenCount} prompt tokens");
        Assert.InRange(usage.OutputTokenCount!.Value, 1, 6);
        Assert.Equal(usage.InputTokenCount + usage.OutputTokenCount, usage.TotalTokenCount);
        Assert.InRange(usage.CachedInputTokenCount!.Value, 0, usage.InputTokenCount!.Value);
        Assert.Equal(usage.OutputTokenCount == 6 ? ChatFinishReason.Length : ChatFinishReason.Stop, response.FinishReason);
    }

    [Theory(Timeout = TestLimits.HangMilliseconds)]
    [InlineData(1L)]
    [InlineData(2L)]
    [InlineData(3L)]
    public async Task A_json_schema_response_format_yields_json_that_validates(long seed)
    {
        var options = new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(ForecastSchema, "forecast"), Temperature = 1, Seed = seed, MaxOutputTokens = 96 };

        var response = await local.Chat.GetResponseAsync("Forecast for Oslo as JSON", options);

        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        using var document = JsonDocument.Parse(response.Text);
        var validation = JsonSchemaValidator.Validate(ForecastSchema, document.RootElement);
        Assert.True(validation.IsValid, string.Join("; ", validation.Errors));
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task Structured_output_through_GetResponseAsync_of_T_deserializes()
    {
        var response = await local.Chat.GetResponseAsync<Outlook>("Outlook for Oslo?", new ChatOptions { Temperature = 1, Seed = 7, MaxOutputTokens = 96 });

        Assert.True(response.TryGetResult(out var outlook), response.Text);
        Assert.True(Enum.IsDefined(outlook!.Sky));
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task A_schema_the_engine_cannot_follow_is_an_argument_error_not_a_generation()
    {
        var unsupported = JsonDocument.Parse("""{"type":"object","properties":{"a":{"type":"string","pattern":"^(?=a)"}}}""").RootElement;

        await Assert.ThrowsAsync<ArgumentException>(() => local.Chat.GetResponseAsync("x", new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(unsupported) }));
    }

    [Fact]
    public void The_client_describes_the_local_model()
    {
        var metadata = local.Chat.GetService<ChatClientMetadata>();

        Assert.Equal("LocalOpenAi", metadata!.ProviderName);
        Assert.Equal("tiny", metadata.DefaultModelId);
    }
}
