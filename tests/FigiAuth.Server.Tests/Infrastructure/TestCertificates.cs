using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FigiAuth.Server.Tests.Infrastructure;

/// <summary>Self-signed RSA certificates written to files, for FigiAuth:DataProtection.</summary>
public static class TestCertificates
{
    public const string Password = "test-only";

    /// <summary>Writes a new certificate as PKCS#12 (password <see cref="Password"/>) and returns the path.</summary>
    public static string WritePfx(string folder)
    {
        using var certificate = Create();
        var path = Path.Combine(folder, $"dp-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, Password));
        return path;
    }

    /// <summary>Writes a new certificate and its unencrypted key as PEM files.</summary>
    public static (string Certificate, string Key) WritePem(string folder)
    {
        using var certificate = Create();
        using var key = certificate.GetRSAPrivateKey()!;
        var name = Path.Combine(folder, $"dp-{Guid.NewGuid():N}");
        File.WriteAllText(name + ".crt", certificate.ExportCertificatePem());
        File.WriteAllText(name + ".key", key.ExportPkcs8PrivateKeyPem());
        return (name + ".crt", name + ".key");
    }

    /// <summary>Points the factory's FigiAuth:DataProtection at a new PKCS#12 certificate in its folder.</summary>
    public static T WithDataProtectionCertificate<T>(this T factory, string? pfxPath = null) where T : FigiAuthServerFactory
    {
        factory.Settings["FigiAuth:DataProtection:CertificatePath"] = pfxPath ?? WritePfx(factory.Folder);
        factory.Settings["FigiAuth:DataProtection:CertificatePassword"] = Password;
        return factory;
    }

    static X509Certificate2 Create()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=FigiAuth test Data Protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }
}
