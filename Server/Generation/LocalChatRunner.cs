using System.Text;
using LocalOpenAi.Engine.Generation;
using LocalOpenAi.Engine.Sampling;
using LocalOpenAi.Engine.Scheduling;
using LocalOpenAi.Formats.OpenAi;
using LocalOpenAi.Server.Models;

namespace LocalOpenAi.Server.Generation;

/// <summary>Runs one chat turn on a local model to the end, for server-side jobs (summaries, extraction).</summary>
internal static class LocalChatRunner
{
    /// <summary>The outcome: the text and why it ended, or the scheduler's refusal.</summary>
    public sealed record Result(string Text, FinishReason Finish, int PromptTokens, int CompletionTokens, SubmitStatus Status, string? Error)
    {
        public bool Succeeded => Status == SubmitStatus.Accepted && Finish is FinishReason.Stop or FinishReason.Length;
    }

    public static int CountPromptTokens(LocalModel model, IReadOnlyList<ChatMessage> messages) =>
        model.Model.Tokenize(model.Template.Render(messages, addGenerationPrompt: true), addBeginOfSequence: false).Length;

    public static async Task<Result> RunAsync(LocalModel model, IReadOnlyList<ChatMessage> messages, SamplingOptions sampling, int maxTokens, CancellationToken cancellationToken)
    {
        var prompt = model.Model.Tokenize(model.Template.Render(messages, addGenerationPrompt: true), addBeginOfSequence: false);
        var submission = model.Scheduler.Submit(new GenerationRequest(prompt, sampling, maxTokens), cancellationToken);
        if (!submission.IsAccepted)
        {
            return new Result(string.Empty, FinishReason.Error, prompt.Length, 0, submission.Status, submission.Error);
        }

        var text = new StringBuilder();
        GenerationChunk? final = null;
        await foreach (var chunk in submission.Chunks!)
        {
            text.Append(chunk.Text);
            final = chunk.IsFinal ? chunk : final;
        }

        return new Result(text.ToString(), final!.Finish!.Value, prompt.Length, final.Usage?.CompletionTokens ?? 0, SubmitStatus.Accepted, final.Error);
    }
}
