using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace LocalOpenAi.Tests.Cache;

/// <summary>A throwaway CA and a server certificate it signed for 127.0.0.1, written as PEM files for redis-server.</summary>
internal sealed class RedisTlsCertificates : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("localopenai-redis-tls-").FullName;

    public RedisTlsCertificates()
    {
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=LocalOpenAi test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        Authority = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));

        using var serverKey = RSA.Create(2048);
        var serverRequest = new CertificateRequest("CN=127.0.0.1", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var server = serverRequest.Create(Authority, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddHours(12), RandomNumberGenerator.GetBytes(8));

        File.WriteAllText(CaFile, Authority.ExportCertificatePem());
        File.WriteAllText(CertFile, server.ExportCertificatePem());
        File.WriteAllText(KeyFile, serverKey.ExportPkcs8PrivateKeyPem());
    }

    public X509Certificate2 Authority { get; }

    public string CaFile => Path.Combine(_directory, "ca.crt");

    public string CertFile => Path.Combine(_directory, "redis.crt");

    public string KeyFile => Path.Combine(_directory, "redis.key");

    /// <summary>redis-server arguments that add a TLS listener on <paramref name="tlsPort"/> (clients need no certificate).</summary>
    public string[] ServerArgs(int tlsPort) =>
        ["--tls-port", tlsPort.ToString(), "--tls-cert-file", CertFile, "--tls-key-file", KeyFile, "--tls-ca-cert-file", CaFile, "--tls-auth-clients", "no"];

    public void Dispose()
    {
        Authority.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
