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
    /// accepted. SM3 (0x0007) is not a <see cref="HashAlgorithmName"/> .NET computes: null here,
    /// use <see cref="Compute(UafSignatureAlgorithm, ReadOnlySpan{byte})"/> instead.
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

    /// <summary>
    /// H(<paramref name="data"/>) for an authenticator whose first ALG_SIGN is <paramref name="algorithm"/>,
    /// SM3 included (UAF.md §6.6: SM2_SM3_RAW hashes challenges and transactions with SM3).
    /// Null for a value that is not an ALG_SIGN.
    /// </summary>
    public static byte[]? Compute(UafSignatureAlgorithm algorithm, ReadOnlySpan<byte> data) =>
        algorithm == UafSignatureAlgorithm.Sm2Sm3Raw
            ? Sm3(data)
            : For(algorithm) is { } hash ? Compute(hash, data) : null;

    /// <summary>Length of H for <paramref name="algorithm"/> (32 for SM3); null for a value that is not an ALG_SIGN.</summary>
    public static int? LengthFor(UafSignatureAlgorithm algorithm) =>
        algorithm == UafSignatureAlgorithm.Sm2Sm3Raw ? Sm3Length : For(algorithm) is { } hash ? Length(hash) : null;

    /// <summary>SM3 digest length in bytes (GB/T 32905-2016).</summary>
    public const int Sm3Length = 32;

    /// <summary>SM3 (GB/T 32905-2016); .NET has none, BouncyCastle's is used.</summary>
    public static byte[] Sm3(ReadOnlySpan<byte> data)
    {
        var digest = new Org.BouncyCastle.Crypto.Digests.SM3Digest();
        digest.BlockUpdate(data);
        var result = new byte[Sm3Length];
        digest.DoFinal(result, 0);
        return result;
    }

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
