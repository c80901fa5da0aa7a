using FigiAuth.Uaf.Algorithms;
using FigiAuth.Uaf.Assertions;
using FigiAuth.Uaf.Crypto;
using FigiAuth.Uaf.Metadata;

namespace FigiAuth.Uaf.Attestation;

/// <summary>
/// UAF-REG-18, TAG_ATTESTATION_BASIC_SURROGATE (0x3E08): "metadata roots must be empty; verify
/// TAG_SIGNATURE over the KRD element with the KRD's TAG_PUB_KEY". For surrogate attestation the
/// KRD's SignatureAlgAndEncoding is the UAuth key's algorithm (UAF.md §6.4).
/// </summary>
internal static class BasicSurrogateAttestation
{
    /// <param name="krdKey">TAG_PUB_KEY already imported (UAF-REG-19), or null to import it here.</param>
    public static UafFailure? Verify(RegistrationAssertion assertion, MetadataStatement metadata, UafPublicKey? krdKey)
    {
        if (!metadata.AttestationTypes.Contains(UafAttestationType.BasicSurrogate))
            return AttestationVerifier.Fail("metadata does not list basic surrogate attestation");
        if (metadata.AttestationRootCertificates.Count != 0)
            return AttestationVerifier.Fail("metadata has attestation roots, so surrogate attestation is not acceptable");
        const string keyName = "surrogate key (TAG_PUB_KEY)";
        var krd = assertion.Krd;
        if (krdKey is not null)
            return AttestationVerifier.CheckKrdSignature(assertion, krdKey.Verify(krd.Raw, assertion.Signature), keyName);
        var imported = UafPublicKey.Import(krd.SignatureAlgorithm, krd.PublicKeyEncoding, krd.PublicKey, AttestationVerifier.StepId);
        if (!imported.Succeeded)
            return AttestationVerifier.CheckKrdSignature(assertion, imported.Failure, keyName);
        using var key = imported.Value;
        return AttestationVerifier.CheckKrdSignature(assertion, key.Verify(krd.Raw, assertion.Signature), keyName);
    }
}
