using System.ComponentModel.DataAnnotations;

namespace LocalOpenAi.Server.Feedback;

/// <summary>Where feedback is stored and how many exchanges are remembered for it (section <c>Feedback</c>).</summary>
internal sealed class FeedbackOptions
{
    public const string Section = "Feedback";

    /// <summary>The JSONL file feedback records are appended to.</summary>
    [Required]
    public string Path { get; set; } = DefaultPath;

    /// <summary>How many recent exchanges (request + response) are kept in memory for feedback to embed.</summary>
    [Range(0, 1_000_000)]
    public int ExchangeCapacity { get; set; } = 10_000;

    /// <summary><c>~/.local/share/localopenai/feedback.jsonl</c>.</summary>
    public static string DefaultPath =>
        System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "localopenai", "feedback.jsonl");
}
