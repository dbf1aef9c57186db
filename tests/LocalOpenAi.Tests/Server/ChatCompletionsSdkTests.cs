using System.ClientModel;
using System.Text;
using LocalOpenAi.Tests.Support;
using OpenAI.Chat;

namespace LocalOpenAi.Tests.Server;

/// <summary>The official OpenAI .NET SDK against a real server and real llama.cpp.</summary>
[Collection(ServerCollection.Name)]
public sealed class ChatCompletionsSdkTests(ServerFixture server)
{
    private ChatClient Chat => server.OpenAi.GetChatClient(ServerFixture.ModelAlias);

    [Fact]
    public async Task A_chat_completion_comes_back_with_content_usage_and_ids()
    {
        ChatCompletion completion = await Chat.CompleteChatAsync(
            [new SystemChatMessage("You are terse."), new UserChatMessage("Say hello")],
            new ChatCompletionOptions { MaxOutputTokenCount = 12, Temperature = 0 });

        Assert.StartsWith("chatcmpl-", completion.Id);
        Assert.Equal(ServerFixture.ModelAlias, completion.Model);
        Assert.Equal(ChatMessageRole.Assistant, completion.Role);
        Assert.False(string.IsNullOrEmpty(completion.Content[0].Text));
        Assert.True(completion.Usage.InputTokenCount > 20, "the Llama 3.1 prompt has a system header of about 30 tokens");
        Assert.InRange(completion.Usage.OutputTokenCount, 1, 12);
        Assert.Equal(completion.Usage.InputTokenCount + completion.Usage.OutputTokenCount, completion.Usage.TotalTokenCount);
        Assert.StartsWith("fp_", completion.SystemFingerprint);
    }

    [Fact]
    public async Task Streaming_delivers_the_same_text_as_the_blocking_call_with_usage_at_the_end()
    {
        var options = new ChatCompletionOptions { MaxOutputTokenCount = 16, Temperature = 0 };
        ChatMessage[] messages = [new UserChatMessage("Stream a few words")];
        ChatCompletion blocking = await Chat.CompleteChatAsync(messages, options);

        var streamed = new StringBuilder();
        var updates = 0;
        ChatTokenUsage? usage = null;
        ChatFinishReason? finish = null;
        await foreach (var update in Chat.CompleteChatStreamingAsync(messages, options))
        {
            updates++;
            foreach (var part in update.ContentUpdate)
            {
                streamed.Append(part.Text);
            }

            usage ??= update.Usage;
            finish ??= update.FinishReason;
        }

        Assert.Equal(blocking.Content[0].Text, streamed.ToString());
        Assert.True(updates > 3, $"expected token-by-token updates, got {updates}");
        Assert.NotNull(usage);
        Assert.Equal(blocking.Usage.OutputTokenCount, usage!.OutputTokenCount);
        Assert.Equal(blocking.FinishReason, finish);
    }

    [Fact]
    public async Task An_unknown_model_surfaces_as_a_404_client_exception()
    {
        var chat = server.OpenAi.GetChatClient("no-such-model");

        var exception = await Assert.ThrowsAsync<ClientResultException>(() => chat.CompleteChatAsync([new UserChatMessage("hi")]));

        Assert.Equal(404, exception.Status);
        Assert.Contains("model_not_found", exception.Message);
    }

    [Fact]
    public async Task The_model_list_names_the_served_alias()
    {
        var models = await server.OpenAi.GetOpenAIModelClient().GetModelsAsync();

        Assert.Contains(models.Value, model => model.Id == ServerFixture.ModelAlias);
    }

    [Fact]
    public async Task One_model_is_retrieved_by_id_and_an_unknown_one_is_model_not_found()
    {
        var client = server.OpenAi.GetOpenAIModelClient();

        var model = await client.GetModelAsync(ServerFixture.ModelAlias);
        var missing = await Assert.ThrowsAsync<ClientResultException>(() => client.GetModelAsync("no-such-model"));

        Assert.Equal(ServerFixture.ModelAlias, model.Value.Id);
        Assert.Equal(404, missing.Status);
        Assert.Contains("model_not_found", missing.GetRawResponse()!.Content.ToString(), StringComparison.Ordinal);
    }
}
