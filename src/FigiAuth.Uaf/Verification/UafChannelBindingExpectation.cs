using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FigiAuth.Uaf.Verification;

/// <summary>
/// The TLS server certificate the client should have seen (REG-08 / AUTH-08), when the host knows it
/// (TLS terminated in-process, or forwarded by a trusted terminator). <c>serverEndPoint</c> is the
/// RFC 5929 tls-server-end-point hash: the certificate's own signature hash, SHA-256 for MD5/SHA-1.
/// </summary>
public sealed class UafChannelBindingExpectation
{
    private UafChannelBindingExpectation(byte[] certificate, byte[] endPointHash)
    {
        Certificate = certificate;
        ServerEndPoint = endPointHash;
    }

    /// <summary>DER of the TLS server certificate.</summary>
    public byte[] Certificate { get; }

    /// <summary>tls-server-end-point hash of <see cref="Certificate"/>.</summary>
    public byte[] ServerEndPoint { get; }

    public static UafChannelBindingExpectation FromCertificate(X509Certificate2 certificate)
    {
        var der = certificate.RawData;
        var hash = certificate.SignatureAlgorithm.Value switch
        {
            "1.2.840.113549.1.1.12" or "1.2.840.10045.4.3.3" => SHA384.HashData(der),
            "1.2.840.113549.1.1.13" or "1.2.840.10045.4.3.4" => SHA512.HashData(der),
            _ => SHA256.HashData(der),
        };
        return new UafChannelBindingExpectation(der, hash);
    }
}
