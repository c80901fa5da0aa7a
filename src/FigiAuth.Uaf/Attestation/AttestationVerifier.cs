using FigiAuth.Uaf.Algorithms;
using FigiAuth.Uaf.Assertions;
using FigiAuth.Uaf.Crypto;
using FigiAuth.Uaf.Metadata;

namespace FigiAuth.Uaf.Attestation;

/// <summary>
/// UAF-REG-18: checks the attestation of a registration assertion against the model's metadata.
/// Failures answer 1496 (Unacceptable Attestation).
/// </summary>
public static class AttestationVerifier
{
    public const string StepId = "UAF-REG-18";

    public static UafFailure? Verify(RegistrationAssertion assertion, MetadataStatement metadata, DateTimeOffset now) =>
        assertion.AttestationType switch
        {
            UafAttestationType.BasicSurrogate => VerifySurrogate(assertion, metadata),
            _ => new UafFailure(UafStatusCode.UnacceptableAttestation, StepId,
                $"attestation type 0x{(ushort)assertion.AttestationType:X4} is not supported"),
        };

    // Basic surrogate: the KRD is signed by the new key itself; the model must have no roots.
    private static UafFailure? VerifySurrogate(RegistrationAssertion assertion, MetadataStatement metadata)
    {
        if (!metadata.AttestationTypes.Contains(UafAttestationType.BasicSurrogate) || metadata.AttestationRootCertificates.Count != 0)
            return new UafFailure(UafStatusCode.UnacceptableAttestation, StepId, "metadata does not allow basic surrogate attestation");
        var krd = assertion.Krd;
        var imported = UafPublicKey.Import(krd.SignatureAlgorithm, krd.PublicKeyEncoding, krd.PublicKey, StepId);
        if (!imported.Succeeded)
            return imported.Failure with { Status = UafStatusCode.UnacceptableAttestation };
        using var key = imported.Value;
        return key.Verify(krd.Raw, assertion.Signature)
            ? null
            : new UafFailure(UafStatusCode.UnacceptableAttestation, StepId, "surrogate attestation signature does not verify");
    }
}
