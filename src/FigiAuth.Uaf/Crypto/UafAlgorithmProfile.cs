using System.Security.Cryptography;
using FigiAuth.Uaf.Algorithms;

namespace FigiAuth.Uaf.Crypto;

/// <summary>
/// How one supported ALG_SIGN verifies (UAF.md §7.1): key family, curve (EC only), the hash the
/// signature scheme applies to the signed bytes, and whether the signature travels DER-encoded
/// (ECDSA: SEQUENCE { r, s }; RSA: OCTET STRING around the raw signature).
/// </summary>
internal sealed record UafAlgorithmProfile(
    UafSignatureAlgorithm Algorithm,
    UafKeyFamily Family,
    HashAlgorithmName Hash,
    bool DerSignature,
    UafCurve? Curve,
    int CoseAlgorithm)
{
    /// <summary>COSE "EdDSA" (-8): the algorithm id EdDSA COSE keys carry in FIDO2.</summary>
    public const int CoseEdDsa = -8;

    public bool IsEllipticCurve => Family is UafKeyFamily.Ecdsa or UafKeyFamily.Sm2;

    public bool IsRsa => Family is UafKeyFamily.RsaPss or UafKeyFamily.RsaPkcs1;

    public bool IsEdDsa => Family is UafKeyFamily.Ed25519 or UafKeyFamily.Ed448;

    /// <summary>The COSE algorithm ids a COSE_Key for this ALG_SIGN may name (RFC 9053, RFC 8812, RFC 9864).</summary>
    public bool AcceptsCoseAlgorithm(int alg) => alg == CoseAlgorithm
        || (IsEdDsa && alg == CoseEdDsa);
}
