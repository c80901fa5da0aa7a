using FigiAuth.Uaf.Algorithms;
using FigiAuth.Uaf.Messages;
using FigiAuth.Uaf.Verification;

namespace FigiAuth.Uaf.Registration;

/// <summary>One verified key to store (UAF-REG-20).</summary>
/// <param name="KeyId">base64url of the KeyID bytes.</param>
/// <param name="AttestationCertificateSha256">SHA-256 of the attestation certificate (basic full); null for surrogate.</param>
/// <param name="TcDisplayPngCharacteristics">What the authenticator reported for PNG transaction display; takes precedence over metadata.</param>
public sealed record NewUafRegistration(
    string Aaid,
    string KeyId,
    byte[] PublicKey,
    UafSignatureAlgorithm SignatureAlgorithm,
    UafPublicKeyEncoding PublicKeyEncoding,
    uint SignCounter,
    uint RegCounter,
    ushort AuthenticatorVersion,
    UafAttestationType AttestationType,
    byte[]? AttestationCertificateSha256,
    IReadOnlyList<DisplayPngCharacteristicsDescriptor>? TcDisplayPngCharacteristics,
    UafRiskFlags RiskFlags);
