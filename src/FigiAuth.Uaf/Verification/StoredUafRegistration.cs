using FigiAuth.Uaf.Algorithms;

namespace FigiAuth.Uaf.Verification;

/// <summary>A registration as the host stored it after <c>RegistrationVerifier</c> (UAF-REG-20).</summary>
public sealed record StoredUafRegistration(
    string UserId,
    string Username,
    string Aaid,
    string KeyId,
    byte[] PublicKey,
    UafSignatureAlgorithm SignatureAlgorithm,
    UafPublicKeyEncoding PublicKeyEncoding,
    uint SignCounter,
    UafRegistrationStatus Status);
