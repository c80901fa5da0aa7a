using System.Security.Cryptography;
using FigiAuth.Uaf.Algorithms;

namespace FigiAuth.Client.Authenticators;

/// <summary>How the client signs for one ALG_SIGN value: key family, curve, hash, signature format.</summary>
internal sealed record SignatureProfile(
    UafSignatureAlgorithm Algorithm,
    KeyFamily Family,
    HashAlgorithmName Hash,
    bool DerSignature,
    string? CurveOid = null,
    int FieldSize = 0)
{
    /// <summary>
    /// H for the final challenge hash and the transaction content hash: SHA-256, or the signature's
    /// own hash for the SHA-384/512 algorithms; EdDSA hashes challenges with SHA-256.
    /// </summary>
    public HashAlgorithmName ChallengeHash => Family == KeyFamily.Ed25519 ? HashAlgorithmName.SHA256 : Hash;

    public byte[] HashForChallenge(ReadOnlySpan<byte> data) =>
        ChallengeHash == HashAlgorithmName.SHA384 ? SHA384.HashData(data)
        : ChallengeHash == HashAlgorithmName.SHA512 ? SHA512.HashData(data)
        : SHA256.HashData(data);

    public static SignatureProfile For(UafSignatureAlgorithm algorithm) => algorithm switch
    {
        UafSignatureAlgorithm.Secp256r1EcdsaSha256Raw => Ec(algorithm, P256, 32, HashAlgorithmName.SHA256, der: false),
        UafSignatureAlgorithm.Secp256r1EcdsaSha256Der => Ec(algorithm, P256, 32, HashAlgorithmName.SHA256, der: true),
        UafSignatureAlgorithm.Secp256k1EcdsaSha256Raw => Ec(algorithm, Secp256k1, 32, HashAlgorithmName.SHA256, der: false),
        UafSignatureAlgorithm.Secp256k1EcdsaSha256Der => Ec(algorithm, Secp256k1, 32, HashAlgorithmName.SHA256, der: true),
        UafSignatureAlgorithm.Secp384r1EcdsaSha384Raw => Ec(algorithm, P384, 48, HashAlgorithmName.SHA384, der: false),
        UafSignatureAlgorithm.Secp521r1EcdsaSha512Raw => Ec(algorithm, P521, 66, HashAlgorithmName.SHA512, der: false),
        UafSignatureAlgorithm.RsassaPssSha256Raw => new(algorithm, KeyFamily.RsaPss, HashAlgorithmName.SHA256, false),
        UafSignatureAlgorithm.RsassaPssSha256Der => new(algorithm, KeyFamily.RsaPss, HashAlgorithmName.SHA256, true),
        UafSignatureAlgorithm.RsaEmsaPkcs1Sha256Raw => new(algorithm, KeyFamily.RsaPkcs1, HashAlgorithmName.SHA256, false),
        UafSignatureAlgorithm.RsaEmsaPkcs1Sha256Der => new(algorithm, KeyFamily.RsaPkcs1, HashAlgorithmName.SHA256, true),
        UafSignatureAlgorithm.Ed25519EddsaSha512Raw => new(algorithm, KeyFamily.Ed25519, HashAlgorithmName.SHA512, false),
        _ => throw new NotSupportedException($"the software authenticator does not implement ALG_SIGN 0x{(ushort)algorithm:X4}"),
    };

    public const string P256 = "1.2.840.10045.3.1.7";
    public const string Secp256k1 = "1.3.132.0.10";
    public const string P384 = "1.3.132.0.34";
    public const string P521 = "1.3.132.0.35";

    private static SignatureProfile Ec(UafSignatureAlgorithm algorithm, string oid, int fieldSize, HashAlgorithmName hash, bool der) =>
        new(algorithm, KeyFamily.Ecdsa, hash, der, oid, fieldSize);
}

internal enum KeyFamily
{
    Ecdsa,
    RsaPss,
    RsaPkcs1,
    Ed25519,
}
