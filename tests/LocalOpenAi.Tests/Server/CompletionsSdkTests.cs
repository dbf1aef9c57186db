using System.Net.Http.Json;
using System.Text.Json;
using LocalOpenAi.Tests.Support;
using OpenAI.Chat;

namespace LocalOpenAi.Tests.Server;

[Collection(ServerCollection.Name)]
public sealed class CompletionsSdkTests(ServerFixture server)
{
    private ChatClient Chat => server.OpenAi.GetChatClient(ServerFixture.ModelAlias);

    [Fact]
    public async Task A_stop_sequence_ends_the_answer_before_it()
    {
        var options = new ChatCompletionOptions { MaxOutputTokenCount = 30, Temperature = 0 };
        ChatCompletion free = await Chat.CompleteChatAsync([new UserChatMessage("Write")], options);
        var text = free.Content[0].Text;
        var stop = text.Substring(text.Length / 2, 2);
        options.StopSequences.Add(stop);

        ChatCompletion stopped = await Chat.CompleteChatAsync([new UserChatMessage("Write")], options);

        Assert.Equal(text[..text.IndexOf(stop, StringComparison.Ordinal)], stopped.Content[0].Text);
        Assert.Equal(ChatFinishReason.Stop, stopped.FinishReason);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_sampled_answer()
    {
        ChatCompletionOptions Options(long seed) => new() { MaxOutputTokenCount = 20, Temperature = 1.2f, Seed = seed };

        ChatCompletion first = await Chat.CompleteChatAsync([new UserChatMessage("Improvise")], Options(11));
        ChatCompletion again = await Chat.CompleteChatAsync([new UserChatMessage("Improvise")], Options(11));
        ChatCompletion other = await Chat.CompleteChatAsync([new UserChatMessage("Improvise")], Options(12));

        Assert.Equal(first.Content[0].Text, again.Content[0].Text);
        Assert.NotEqual(first.Content[0].Text, other.Content[0].Text);
    }

    [Fact]
    public async Task Chat_logprobs_come_back_per_token_with_alternatives()
    {
        ChatCompletion completion = await Chat.CompleteChatAsync(
            [new UserChatMessage("Hi")],
            new ChatCompletionOptions { MaxOutputTokenCount = 5, Temperature = 0, IncludeLogProbabilities = true, TopLogProbabilityCount = 3 });

        Assert.Equal(completion.Usage.OutputTokenCount, completion.ContentTokenLogProbabilities.Count);
        Assert.All(completion.ContentTokenLogProbabilities, token =>
        {
            Assert.True(token.LogProbability <= 0);
            Assert.Equal(3, token.TopLogProbabilities.Count);
        });
    }

    [Fact]
    public async Task N_choices_are_returned_with_their_indexes_and_usage_counts_all_of_them()
    {
        using var response = await server.Http.PostAsJsonAsync("v1/chat/completions", new
        {
            model = ServerFixture.ModelAlias,
            messages = new[] { new { role = "user", content = "Pick" } },
            n = 3,
            max_tokens = 6,
            temperature = 1.0,
            seed = 5,
            ignore_eos = true,
        });
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var choices = json.RootElement.GetProperty("choices").EnumerateArray().ToList();

        Assert.Equal([0, 1, 2], choices.Select(choice => choice.GetProperty("index").GetInt32()));
        Assert.Equal(18, json.RootElement.GetProperty("usage").GetProperty("completion_tokens").GetInt32());
        Assert.True(choices.Select(choice => choice.GetProperty("message").GetProperty("content").GetString()).Distinct().Count() > 1);
    }

    [Fact]
    public async Task Legacy_completions_echo_the_prompt_and_report_logprobs()
    {
        using var response = await server.Http.PostAsJsonAsync("v1/completions", new { model = ServerFixture.ModelAlias, prompt = "Hello", max_tokens = 4, temperature = 0, echo = true, logprobs = 2, ignore_eos = true });
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var choice = json.RootElement.GetProperty("choices")[0];

        Assert.Equal("text_completion", json.RootElement.GetProperty("object").GetString());
        Assert.StartsWith("Hello", choice.GetProperty("text").GetString());
        Assert.Equal(4, choice.GetProperty("logprobs").GetProperty("tokens").GetArrayLength());
        Assert.Equal(5, choice.GetProperty("logprobs").GetProperty("text_offset")[0].GetInt32());
        Assert.Equal("length", choice.GetProperty("finish_reason").GetString());
    }

    [Fact]
    public async Task Token_prompts_and_text_prompts_give_the_same_greedy_completion()
    {
        using var tokenized = await server.Http.PostAsJsonAsync("tokenize", new { content = "Once upon", add_special = true });
        var tokens = JsonDocument.Parse(await tokenized.Content.ReadAsStringAsync()).RootElement.GetProperty("tokens").EnumerateArray().Select(token => token.GetInt32()).ToArray();

        var fromText = await CompleteAsync(new { prompt = "Once upon", max_tokens = 8, temperature = 0 });
        var fromTokens = await CompleteAsync(new { prompt = tokens, max_tokens = 8, temperature = 0 });

        Assert.Equal(fromText, fromTokens);
    }

    private async Task<string> CompleteAsync(object body)
    {
        using var response = await server.Http.PostAsJsonAsync("v1/completions", body);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("choices")[0].GetProperty("text").GetString()!;
    }
}
