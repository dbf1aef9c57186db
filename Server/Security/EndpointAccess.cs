namespace LocalOpenAi.Server.Security;

/// <summary>What a request path needs when keys are configured.</summary>
internal enum EndpointAccess
{
    /// <summary>No key: probes (<c>/health</c>, <c>/ready</c>) and, unless configured otherwise, <c>/metrics</c>.</summary>
    Public,

    /// <summary>Any configured key.</summary>
    Client,

    /// <summary>The admin key: everything under <c>/admin/</c>.</summary>
    Admin,
}
