namespace LocalOpenAi.Server.Cli;

/// <summary>What a <see cref="ServeFlag"/> takes on the command line.</summary>
internal enum ServeFlagKind
{
    /// <summary>One word.</summary>
    Text,

    /// <summary>One whole number, checked while parsing.</summary>
    Number,

    /// <summary>No value (<c>--embeddings</c>); present means true.</summary>
    Switch,

    /// <summary>One word, repeatable: each occurrence is the next entry of a configuration list.</summary>
    List,
}
