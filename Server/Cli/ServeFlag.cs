namespace LocalOpenAi.Server.Cli;

/// <summary>One <c>serve</c> flag and the configuration key it sets.</summary>
/// <param name="Name">The long name, e.g. <c>--port</c>.</param>
/// <param name="Key">The configuration key the value goes to, e.g. <c>Server:Port</c>.</param>
/// <param name="Kind">What the flag takes on the command line.</param>
/// <param name="Description">One line for <c>--help</c>.</param>
/// <param name="Default">The default shown by <c>--help</c>, taken from the options class; null when there is none.</param>
internal sealed record ServeFlag(string Name, string Key, ServeFlagKind Kind, string Description, string? Default = null)
{
    /// <summary>Short names, e.g. <c>-m</c> (llama-server style).</summary>
    public string[] Aliases { get; init; } = [];

    /// <summary>The only values accepted, or empty for any.</summary>
    public string[] Allowed { get; init; } = [];

    /// <summary>Settings the flag sets besides its own, e.g. <c>--redis</c> also selects the Redis cache store.</summary>
    public KeyValuePair<string, string>[] Implies { get; init; } = [];
}
