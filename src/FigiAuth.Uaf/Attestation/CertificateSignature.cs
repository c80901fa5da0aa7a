using System.Formats.Asn1;
using System.Security.Cryptography;

namespace FigiAuth.Uaf.Attestation;

/// <summary>
/// Verifies an X.509 certificate's signature (RFC 5280 §4.1.1.3) with an issuer key given as a
/// SubjectPublicKeyInfo, for issuers <see cref="System.Security.Cryptography.X509Certificates.X509Chain"/>
/// cannot use. ECDSA and RSA PKCS#1 v1.5 with SHA-256/384/512.
/// </summary>
internal static class CertificateSignature
{
    public static bool Verifies(byte[] certificateDer, byte[] issuerSubjectPublicKeyInfo)
    {
        try
        {
            var outer = new AsnReader(certificateDer, AsnEncodingRules.DER);
            var certificate = outer.ReadSequence();
            var tbs = certificate.ReadEncodedValue();
            var algorithm = certificate.ReadSequence().ReadObjectIdentifier();
            var signature = certificate.ReadBitString(out _);
            return algorithm switch
            {
                "1.2.840.10045.4.3.2" => VerifyEcdsa(tbs.Span, signature, issuerSubjectPublicKeyInfo, HashAlgorithmName.SHA256),
                "1.2.840.10045.4.3.3" => VerifyEcdsa(tbs.Span, signature, issuerSubjectPublicKeyInfo, HashAlgorithmName.SHA384),
                "1.2.840.10045.4.3.4" => VerifyEcdsa(tbs.Span, signature, issuerSubjectPublicKeyInfo, HashAlgorithmName.SHA512),
                "1.2.840.113549.1.1.11" => VerifyRsa(tbs.Span, signature, issuerSubjectPublicKeyInfo, HashAlgorithmName.SHA256),
                "1.2.840.113549.1.1.12" => VerifyRsa(tbs.Span, signature, issuerSubjectPublicKeyInfo, HashAlgorithmName.SHA384),
                "1.2.840.113549.1.1.13" => VerifyRsa(tbs.Span, signature, issuerSubjectPublicKeyInfo, HashAlgorithmName.SHA512),
                _ => false,
            };
        }
        catch (Exception e) when (e is AsnContentException or CryptographicException)
        {
            return false;
        }
    }

    private static bool VerifyEcdsa(ReadOnlySpan<byte> tbs, byte[] signature, byte[] spki, HashAlgorithmName hash)
    {
        using var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(spki, out _);
        return key.VerifyData(tbs, signature, hash, DSASignatureFormat.Rfc3279DerSequence);
    }

    private static bool VerifyRsa(ReadOnlySpan<byte> tbs, byte[] signature, byte[] spki, HashAlgorithmName hash)
    {
        using var key = RSA.Create();
        key.ImportSubjectPublicKeyInfo(spki, out _);
        return key.VerifyData(tbs, signature, hash, RSASignaturePadding.Pkcs1);
    }
}
