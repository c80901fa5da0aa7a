using FigiAuth.Uaf.Algorithms;

namespace FigiAuth.Uaf.Assertions;

/// <summary>
/// TAG_UAFV1_REG_ASSERTION, decoded: the KRD, its attestation (type, signature, certificate chain
/// with the attestation certificate first) and the unsigned extensions.
/// </summary>
public sealed record RegistrationAssertion(
    KeyRegistrationData Krd,
    UafAttestationType AttestationType,
    byte[] Signature,
    IReadOnlyList<byte[]> Certificates,
    IReadOnlyList<TlvExtension> UnsignedExtensions);
