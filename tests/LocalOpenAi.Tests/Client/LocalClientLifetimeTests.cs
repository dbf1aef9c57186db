using LocalOpenAi.Client;
using LocalOpenAi.Tests.Support;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace LocalOpenAi.Tests.Client;

/// <summary>The model lives as long as the container that registered it.</summary>
public sealed class LocalClientLifetimeTests
{
    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task Disposing_the_service_provider_releases_the_model()
    {
        var services = new ServiceCollection()
            .AddLocalOpenAiChatClient(options => { options.ModelPath = TestModels.TinyPath; options.Slots = 1; options.ContextSize = 1024; options.Threads = 2; })
            .BuildServiceProvider();
        var chat = services.GetRequiredService<IChatClient>();
        var answered = await chat.GetResponseAsync("hi", new ChatOptions { MaxOutputTokens = 2 });

        services.Dispose();

        Assert.True(answered.Usage!.OutputTokenCount > 0);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => chat.GetResponseAsync("hi", new ChatOptions { MaxOutputTokens = 2 }));
    }

    [Fact]
    public void A_registration_without_a_model_path_fails_when_resolved()
    {
        using var services = new ServiceCollection().AddLocalOpenAiChatClient(_ => { }).BuildServiceProvider();

        Assert.Throws<ArgumentException>(() => services.GetRequiredService<IChatClient>());
    }
}
