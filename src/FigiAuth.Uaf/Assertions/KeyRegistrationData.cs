using FigiAuth.Uaf.Algorithms;

namespace FigiAuth.Uaf.Assertions;

/// <summary>TAG_UAFV1_KRD, decoded. <see cref="Raw"/> is the whole element (header included): the attestation signs it.</summary>
public sealed record KeyRegistrationData(
    string Aaid,
    ushort AuthenticatorVersion,
    byte AuthenticationMode,
    UafSignatureAlgorithm SignatureAlgorithm,
    UafPublicKeyEncoding PublicKeyEncoding,
    byte[] FinalChallengeHash,
    byte[] KeyId,
    uint SignCounter,
    uint RegCounter,
    byte[] PublicKey,
    IReadOnlyList<TlvExtension> Extensions,
    byte[] Raw);
