using FigiAuth.Uaf.Algorithms;

namespace FigiAuth.Uaf.Assertions;

/// <summary>TAG_UAFV1_SIGNED_DATA, decoded. <see cref="Raw"/> is the whole element (header included): UAuth.priv signs it.</summary>
public sealed record SignedData(
    string Aaid,
    ushort AuthenticatorVersion,
    byte AuthenticationMode,
    UafSignatureAlgorithm SignatureAlgorithm,
    byte[] AuthenticatorNonce,
    byte[] FinalChallengeHash,
    byte[] TransactionContentHash,
    byte[] KeyId,
    uint SignCounter,
    IReadOnlyList<TlvExtension> Extensions,
    byte[] Raw);
