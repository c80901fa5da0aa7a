using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FigiAuth.Server.Hosting;

/// <summary>Loads the certificate of FigiAuth:DataProtection (PKCS#12, or PEM certificate and key).</summary>
internal static class DataProtectionCertificate
{
    /// <summary>The certificate, or null when none is configured. Throws when the files are unusable.</summary>
    public static X509Certificate2? Load(DataProtectionKeyOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            return null;
        }

        var certificate = options.CertificateKeyPath is { Length: > 0 } keyPath
            ? string.IsNullOrEmpty(options.CertificatePassword)
                ? X509Certificate2.CreateFromPemFile(options.CertificatePath, keyPath)
                : X509Certificate2.CreateFromEncryptedPemFile(options.CertificatePath, options.CertificatePassword, keyPath)
            : X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword);
        using var key = certificate.GetRSAPrivateKey();
        if (key is null)
        {
            certificate.Dispose();
            // EncryptedXml wraps the key with RSA; other key types cannot decrypt the ring.
            throw new CryptographicException("the certificate has no RSA private key");
        }

        return certificate;
    }

    /// <summary>Null when the configured certificate loads, else why not.</summary>
    public static string? Problem(DataProtectionKeyOptions options)
    {
        try
        {
            using var certificate = Load(options);
            return null;
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            return e.Message;
        }
    }
}
