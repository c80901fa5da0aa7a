using FigiAuth.Uaf.Algorithms;
using FigiAuth.Uaf.Assertions;
using FigiAuth.Uaf.Crypto;
using FigiAuth.Uaf.Metadata;

namespace FigiAuth.Uaf.Attestation;

/// <summary>
/// UAF-REG-18: checks the attestation of a registration assertion against the model's metadata
/// (UAF.md §8.2 step 9.9). One class per attestation type; every failure answers 1496
/// (Unacceptable Attestation) with a detail naming what failed.
/// </summary>
public static class AttestationVerifier
{
    public const string StepId = "UAF-REG-18";

    public static UafFailure? Verify(RegistrationAssertion assertion, MetadataStatement metadata, DateTimeOffset now) =>
        Verify(assertion, metadata, now, krdKey: null);

    /// <param name="krdKey">The KRD's TAG_PUB_KEY as UAF-REG-19 imported it, for surrogate attestation; imported here when null.</param>
    internal static UafFailure? Verify(RegistrationAssertion assertion, MetadataStatement metadata, DateTimeOffset now, UafPublicKey? krdKey) =>
        assertion.AttestationType switch
        {
            UafAttestationType.BasicFull => BasicFullAttestation.Verify(assertion, metadata, now),
            UafAttestationType.BasicSurrogate => BasicSurrogateAttestation.Verify(assertion, metadata, krdKey),
            // UAF-REG-18 ECDAA: NOTE: not supported (FIDO ECDAA needs pairing-friendly curves; no vector exists).
            UafAttestationType.Ecdaa => Fail("ECDAA is not supported"),
            _ => Fail($"attestation type 0x{(ushort)assertion.AttestationType:X4} is not supported"),
        };

    internal static UafFailure Fail(string detail) => new(UafStatusCode.UnacceptableAttestation, StepId, detail);

    /// <summary>
    /// TAG_SIGNATURE over the whole KRD element (header included, UAF.md §6.6) as the attestation key
    /// verified it (<paramref name="verified"/>), or the reason the key was unusable.
    /// </summary>
    internal static UafFailure? CheckKrdSignature(RegistrationAssertion assertion, UafResult<bool> verified, string keyName)
    {
        if (!verified.Succeeded)
            return Fail($"{keyName} unusable for ALG_SIGN {assertion.Krd.SignatureAlgorithm}: {verified.Failure.Detail}");
        return verified.Value
            ? null
            : Fail($"attestation signature over the KRD does not verify with the {keyName}");
    }
}
