using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FigiAuth.Uaf.Algorithms;
using FigiAuth.Uaf.Assertions;
using FigiAuth.Uaf.Crypto;
using FigiAuth.Uaf.Metadata;

namespace FigiAuth.Uaf.Attestation;

/// <summary>
/// UAF-REG-18, TAG_ATTESTATION_BASIC_FULL (0x3E07): "metadata attestationRootCertificates must be
/// non-empty; >= 1 TAG_ATTESTATION_CERT, each a parsable DER cert; path-validate cert[0] -> ... ->
/// one of the metadata roots; verify TAG_SIGNATURE over the whole KRD element with cert[0]'s key and
/// the KRD's SignatureAlgAndEncoding", plus the AAID extension check (UAF.md §8.2).
/// </summary>
internal static class BasicFullAttestation
{
    public static UafFailure? Verify(RegistrationAssertion assertion, MetadataStatement metadata, DateTimeOffset now)
    {
        if (!metadata.AttestationTypes.Contains(UafAttestationType.BasicFull))
            return AttestationVerifier.Fail("metadata does not list basic full attestation");
        if (metadata.AttestationRootCertificates.Count == 0)
            return AttestationVerifier.Fail("metadata has no attestation root certificates");
        if (assertion.Certificates.Count == 0)
            return AttestationVerifier.Fail("basic full attestation carries no TAG_ATTESTATION_CERT");

        var certificates = new CachedCertificate[assertion.Certificates.Count];
        for (var i = 0; i < certificates.Length; i++)
        {
            var loaded = AttestationCache.Certificate(assertion.Certificates[i]);
            if (loaded is null)
                return AttestationVerifier.Fail($"TAG_ATTESTATION_CERT #{i} is not a parsable DER certificate");
            certificates[i] = loaded;
        }
        var attestationCertificate = certificates[0];
        return CheckValidity(attestationCertificate.Certificate, now)
            ?? AttestationPath.Validate(certificates, metadata.AttestationRootCertificates, now)
            ?? FidoAaidExtension.Check(attestationCertificate.Certificate, assertion.Krd.Aaid)
            ?? CheckSignature(assertion, attestationCertificate);
    }

    /// <summary>
    /// Loads a DER certificate, or null. .NET loads lazily: a certificate with an impossible date
    /// (UAF.md §10.5) loads but throws when its validity is read, so the validity is read here.
    /// </summary>
    internal static X509Certificate2? TryLoad(byte[] der)
    {
        X509Certificate2? certificate = null;
        try
        {
            certificate = X509CertificateLoader.LoadCertificate(der);
            _ = certificate.NotBefore;
            _ = certificate.NotAfter;
            return certificate;
        }
        catch (CryptographicException)
        {
            certificate?.Dispose();
            return null;
        }
    }

    private static UafFailure? CheckValidity(X509Certificate2 certificate, DateTimeOffset now)
    {
        if (now < certificate.NotBefore.ToUniversalTime())
            return AttestationVerifier.Fail($"attestation certificate is not valid before {certificate.NotBefore.ToUniversalTime():O}");
        if (now > certificate.NotAfter.ToUniversalTime())
            return AttestationVerifier.Fail($"attestation certificate expired at {certificate.NotAfter.ToUniversalTime():O}");
        return null;
    }

    private static UafFailure? CheckSignature(RegistrationAssertion assertion, CachedCertificate certificate) =>
        AttestationVerifier.CheckKrdSignature(
            assertion,
            certificate.Verify(assertion.Krd.SignatureAlgorithm, assertion.Krd.Raw, assertion.Signature),
            "attestation certificate key");
}
