using System.ComponentModel.DataAnnotations;

namespace LocalOpenAi.Server.Requests;

/// <summary>Where Kestrel listens (section <c>Server</c>).</summary>
internal sealed class ServerOptions
{
    public const string Section = "Server";

    [Required]
    public string Host { get; set; } = "127.0.0.1";

    [Range(0, 65535)]
    public int Port { get; set; } = 8080;

    /// <summary>Largest accepted request body; larger bodies get 413.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxRequestBodyBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Largest total size of the request line's headers; larger gets 431.</summary>
    [Range(1024, int.MaxValue)]
    public int MaxRequestHeadersTotalBytes { get; set; } = 32 * 1024;

    /// <summary>How long a client may take to send the request headers (slow-header attacks).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RequestHeadersTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long an idle keep-alive connection stays open.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>While a stream has no first event yet (a long prompt being read), an SSE comment is sent this often to keep proxies from closing it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan StreamKeepAliveInterval { get; set; } = TimeSpan.FromSeconds(5);
}
