using System.Security.Cryptography;
using FigiAuth.Uaf.Algorithms;

namespace FigiAuth.Uaf.Crypto;

/// <summary>
/// The hash H an authenticator uses for the final challenge hash and the transaction content hash
/// (UAF Protocol "FinalChallengeHash"): the hash of its first ALG_SIGN.
/// </summary>
public static class UafHash
{
    /// <summary>
    /// SHA-256 for 0x0001-0x0009 and 0x000C; the signature's own hash for the later algorithms.
    /// SHA-1 (0x000F) and the EdDSA algorithms hash challenges with SHA-256: a SHA-1 FCH is never
    /// accepted. SM3 (0x0007) has no implementation here: null.
    /// </summary>
    public static HashAlgorithmName? For(UafSignatureAlgorithm algorithm) => algorithm switch
    {
        UafSignatureAlgorithm.Sm2Sm3Raw => null,
        UafSignatureAlgorithm.RsassaPssSha384Raw or UafSignatureAlgorithm.RsassaPkcsv15Sha384Raw
            or UafSignatureAlgorithm.Secp384r1EcdsaSha384Raw => HashAlgorithmName.SHA384,
        UafSignatureAlgorithm.RsassaPssSha512Raw or UafSignatureAlgorithm.RsassaPkcsv15Sha512Raw
            or UafSignatureAlgorithm.Secp521r1EcdsaSha512Raw => HashAlgorithmName.SHA512,
        _ when Enum.IsDefined(algorithm) => HashAlgorithmName.SHA256,
        _ => null,
    };

    public static int Length(HashAlgorithmName hash) =>
        hash == HashAlgorithmName.SHA384 ? 48 : hash == HashAlgorithmName.SHA512 ? 64 : 32;

    /// <summary>Hashes into <paramref name="destination"/> (which must be at least 64 bytes) and returns the length.</summary>
    public static int Compute(HashAlgorithmName hash, ReadOnlySpan<byte> data, Span<byte> destination)
    {
        if (hash == HashAlgorithmName.SHA384)
            return SHA384.HashData(data, destination);
        if (hash == HashAlgorithmName.SHA512)
            return SHA512.HashData(data, destination);
        return SHA256.HashData(data, destination);
    }

    public static byte[] Compute(HashAlgorithmName hash, ReadOnlySpan<byte> data)
    {
        Span<byte> buffer = stackalloc byte[64];
        var length = Compute(hash, data, buffer);
        return buffer[..length].ToArray();
    }
}
