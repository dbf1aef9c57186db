namespace LocalOpenAi.Server.Models.Loading;

/// <summary>Sorts <see cref="ModelFailure"/>s into the HTTP answers they get.</summary>
internal enum ModelFailureKind
{
    /// <summary>No such alias (404).</summary>
    NotFound,

    /// <summary>The model could not be loaded, or the server is stopping (503).</summary>
    Unavailable,

    /// <summary>The memory budget or model limit is taken by models with requests in flight (503 with Retry-After).</summary>
    Busy,
}
