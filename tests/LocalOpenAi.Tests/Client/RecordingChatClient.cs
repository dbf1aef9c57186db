using Microsoft.Extensions.AI;

namespace LocalOpenAi.Tests.Client;

/// <summary>Passes calls through and keeps the messages of each, to see what a function-invoking client sent.</summary>
internal sealed class RecordingChatClient(IChatClient inner) : DelegatingChatClient(inner)
{
    public List<List<ChatMessage>> Requests { get; } = [];

    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        Requests.Add(list);
        return base.GetResponseAsync(list, options, cancellationToken);
    }
}
