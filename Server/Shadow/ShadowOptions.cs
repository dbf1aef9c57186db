using System.ComponentModel.DataAnnotations;

namespace LocalOpenAi.Server.Shadow;

/// <summary>Shadow evaluation (section <c>Shadow</c>): a share of local answers is also asked of the cloud, in the background.</summary>
internal sealed class ShadowOptions
{
    public const string Section = "Shadow";

    /// <summary>The share of local JSON answers (0 to 1) whose request is also sent upstream; 0 turns shadowing off.</summary>
    [Range(0.0, 1.0)]
    public double Rate { get; set; }

    /// <summary>Shadow calls in flight at once; a request sampled while this many run is not shadowed (never queued).</summary>
    [Range(1, 64)]
    public int MaxInFlight { get; set; } = 2;

    /// <summary>The JSONL file both answers are appended to, for review and <c>export-shadow</c>.</summary>
    [Required]
    public string Path { get; set; } = DefaultPath;

    /// <summary><c>~/.local/share/localopenai/shadow.jsonl</c>.</summary>
    public static string DefaultPath =>
        System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "localopenai", "shadow.jsonl");
}
