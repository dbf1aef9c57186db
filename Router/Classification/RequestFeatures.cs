using LocalOpenAi.Formats.OpenAi;

namespace LocalOpenAi.Router.Classification;

/// <summary>
/// Turns a request into the classifier's features: named, explainable features (context size, code, reasoning,
/// math and analysis cues, tools, structured output, turns...) followed by hashed word, word-pair and
/// character n-gram features of the instruction and the system prompt.
/// </summary>
/// <remarks>
/// Cost is bounded whatever the context size: text features read at most <see cref="InstructionText.WindowChars"/>
/// characters at each end of the last user message and the first <see cref="SystemChars"/> of the system prompt.
/// </remarks>
internal static partial class RequestFeatures
{
    public const double DefaultCharsPerToken = 4.0;
    public const int SystemChars = 400;

    /// <summary>Extracts the features of one request into a vector of <see cref="Dense"/> named features plus <paramref name="buckets"/> hashed ones.</summary>
    public static FeatureVector Extract(ClassificationInput input, double charsPerToken, int buckets)
    {
        var shape = ConversationShape.Of(input.Messages);
        var dense = new float[DenseCount];
        var tokens = (int)System.Math.Min(int.MaxValue, System.Math.Ceiling(shape.Chars / charsPerToken));
        var text = new InstructionText(shape.LastUser);
        AddShape(dense, input, shape, tokens);
        AddCues(dense, text, shape, (int)System.Math.Ceiling((shape.LastUser?.Length ?? 0) / charsPerToken));

        var head = Lower(shape.LastUser, 0, InstructionText.WindowChars);
        var tail = shape.LastUser is { Length: > 2 * InstructionText.WindowChars } user
            ? Lower(user, user.Length - InstructionText.WindowChars, InstructionText.WindowChars)
            : string.Empty;
        var system = Lower(shape.System, 0, SystemChars);
        var hashed = HashedFeatures.ForThisThread(DenseCount, buckets);
        hashed.AddText(0, head, HashedGroup.Word, HashedGroup.Phrase, HashedGroup.Chars);
        hashed.AddText(1, tail, HashedGroup.Word, HashedGroup.Phrase, HashedGroup.Chars);
        hashed.AddText(2, system, HashedGroup.SystemWord, null, null);
        return hashed.ToVector(dense, [head, tail, system], tokens);
    }

    private static string Lower(string? text, int start, int length)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var span = text.AsSpan(start, System.Math.Min(length, text.Length - start));
        return string.Create(span.Length, span, static (destination, source) => source.ToLowerInvariant(destination));
    }

    /// <summary>What the classifier needs from the message list, gathered in one pass.</summary>
    private readonly record struct ConversationShape(long Chars, int Turns, int UserTurns, bool HasFence, string? LastUser, string? System)
    {
        public static ConversationShape Of(IReadOnlyList<ChatMessage> messages)
        {
            long chars = 0;
            int turns = 0, userTurns = 0;
            var fence = false;
            string? lastUser = null, system = null;
            foreach (var message in messages)
            {
                var content = message.Content ?? string.Empty;
                chars += content.Length;
                fence |= content.Contains("```", StringComparison.Ordinal);
                foreach (var call in message.ToolCalls ?? [])
                {
                    chars += call.Function.Arguments?.Length ?? 0;
                }

                turns += message.Role is "user" or "assistant" ? 1 : 0;
                if (message.Role == "user")
                {
                    userTurns++;
                    lastUser = content;
                }
                else if (message.Role is "system" or "developer" && system is null)
                {
                    system = content;
                }
            }

            return new ConversationShape(chars, turns, userTurns, fence, lastUser, system);
        }
    }
}
