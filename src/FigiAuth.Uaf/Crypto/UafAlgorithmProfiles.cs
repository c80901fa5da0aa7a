using System.Security.Cryptography;
using FigiAuth.Uaf.Algorithms;

namespace FigiAuth.Uaf.Crypto;

/// <summary>
/// The ALG_SIGN values this server verifies (UAF.md §7.1) and, for the others, why not.
/// </summary>
internal static class UafAlgorithmProfiles
{
    private static readonly HashAlgorithmName Sm3 = new("SM3");

    private static readonly Dictionary<UafSignatureAlgorithm, UafAlgorithmProfile> Profiles = new UafAlgorithmProfile[]
    {
        new(UafSignatureAlgorithm.Secp256r1EcdsaSha256Raw, UafKeyFamily.Ecdsa, HashAlgorithmName.SHA256, false, UafCurve.P256, -7),
        new(UafSignatureAlgorithm.Secp256r1EcdsaSha256Der, UafKeyFamily.Ecdsa, HashAlgorithmName.SHA256, true, UafCurve.P256, -7),
        new(UafSignatureAlgorithm.RsassaPssSha256Raw, UafKeyFamily.RsaPss, HashAlgorithmName.SHA256, false, null, -37),
        new(UafSignatureAlgorithm.RsassaPssSha256Der, UafKeyFamily.RsaPss, HashAlgorithmName.SHA256, true, null, -37),
        new(UafSignatureAlgorithm.Secp256k1EcdsaSha256Raw, UafKeyFamily.Ecdsa, HashAlgorithmName.SHA256, false, UafCurve.Secp256k1, -47),
        new(UafSignatureAlgorithm.Secp256k1EcdsaSha256Der, UafKeyFamily.Ecdsa, HashAlgorithmName.SHA256, true, UafCurve.Secp256k1, -47),
        new(UafSignatureAlgorithm.Sm2Sm3Raw, UafKeyFamily.Sm2, Sm3, false, UafCurve.Sm2P256v1, 0),
        new(UafSignatureAlgorithm.RsaEmsaPkcs1Sha256Raw, UafKeyFamily.RsaPkcs1, HashAlgorithmName.SHA256, false, null, -257),
        new(UafSignatureAlgorithm.RsaEmsaPkcs1Sha256Der, UafKeyFamily.RsaPkcs1, HashAlgorithmName.SHA256, true, null, -257),
        new(UafSignatureAlgorithm.RsassaPssSha384Raw, UafKeyFamily.RsaPss, HashAlgorithmName.SHA384, false, null, -38),
        new(UafSignatureAlgorithm.RsassaPssSha512Raw, UafKeyFamily.RsaPss, HashAlgorithmName.SHA512, false, null, -39),
        new(UafSignatureAlgorithm.RsassaPkcsv15Sha256Raw, UafKeyFamily.RsaPkcs1, HashAlgorithmName.SHA256, false, null, -257),
        new(UafSignatureAlgorithm.RsassaPkcsv15Sha384Raw, UafKeyFamily.RsaPkcs1, HashAlgorithmName.SHA384, false, null, -258),
        new(UafSignatureAlgorithm.RsassaPkcsv15Sha512Raw, UafKeyFamily.RsaPkcs1, HashAlgorithmName.SHA512, false, null, -259),
        new(UafSignatureAlgorithm.Secp384r1EcdsaSha384Raw, UafKeyFamily.Ecdsa, HashAlgorithmName.SHA384, false, UafCurve.P384, -35),
        new(UafSignatureAlgorithm.Secp521r1EcdsaSha512Raw, UafKeyFamily.Ecdsa, HashAlgorithmName.SHA512, false, UafCurve.P521, -36),
        new(UafSignatureAlgorithm.Ed25519EddsaSha512Raw, UafKeyFamily.Ed25519, HashAlgorithmName.SHA512, false, null, -19),
        new(UafSignatureAlgorithm.Ed448EddsaSha512Raw, UafKeyFamily.Ed448, HashAlgorithmName.SHA512, false, null, -53),
    }.ToDictionary(p => p.Algorithm);

    /// <summary>The profile of <paramref name="algorithm"/>, or a 1495 failure saying why it is refused.</summary>
    public static UafResult<UafAlgorithmProfile> Find(UafSignatureAlgorithm algorithm, string stepId)
    {
        if (Profiles.TryGetValue(algorithm, out var profile))
            return profile;
        var reason = algorithm == UafSignatureAlgorithm.RsassaPkcsv15Sha1Raw
            ? "RSASSA-PKCS1-v1_5 with SHA-1 (0x000F) is too weak: SHA-1 collisions are practical, so it is refused"
            : $"algorithm 0x{(ushort)algorithm:X4} is not a known ALG_SIGN";
        return new UafFailure(UafStatusCode.UnacceptableAlgorithm, stepId, reason);
    }
}
