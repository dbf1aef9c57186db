using System.ComponentModel.DataAnnotations;

namespace LocalOpenAi.Server.Hosting;

/// <summary>Where Kestrel listens (section <c>Server</c>).</summary>
public sealed class ServerOptions
{
    public const string Section = "Server";

    [Required]
    public string Host { get; set; } = "127.0.0.1";

    [Range(0, 65535)]
    public int Port { get; set; } = 8080;

    /// <summary>Largest accepted request body; larger bodies get 413.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxRequestBodyBytes { get; set; } = 8 * 1024 * 1024;
}
