using LocalOpenAi.Formats.OpenAi;
using LocalOpenAi.Router.Classification;
using LocalOpenAi.Router.Routing;

namespace LocalOpenAi.Server.Routing;

/// <summary>The router's view of a legacy completion request.</summary>
internal static class RouteRequests
{
    public static RouteRequest FromCompletion(CompletionRequest request, string? agentName, string? prefer)
    {
        var prompt = string.Join("\n", request.Prompt?.Select(input => input.Text ?? string.Empty) ?? []);
        var agent = string.IsNullOrEmpty(agentName) ? null : agentName;
        return new RouteRequest(ClassificationInput.FromPrompt(prompt, request.MaxTokens, agent ?? request.User), request.Model, agent, request.User, prefer);
    }
}
