using System.Security.Cryptography;

namespace FigiAuth.Uaf.Crypto;

/// <summary>
/// An elliptic curve an ALG_SIGN names. The OID is what a SubjectPublicKeyInfo must carry: key size
/// alone does not tell P-256 from secp256k1 or SM2 (all 256 bits).
/// </summary>
internal sealed record UafCurve(string Name, string Oid, int FieldSize, int CoseCurve)
{
    /// <summary>No COSE curve identifier is registered (SM2).</summary>
    public const int NoCoseCurve = 0;

    public static readonly UafCurve P256 = new("P-256", "1.2.840.10045.3.1.7", 32, 1);
    public static readonly UafCurve P384 = new("P-384", "1.3.132.0.34", 48, 2);
    public static readonly UafCurve P521 = new("P-521", "1.3.132.0.35", 66, 3);
    public static readonly UafCurve Secp256k1 = new("secp256k1", "1.3.132.0.10", 32, 8);
    public static readonly UafCurve Sm2P256v1 = new("SM2 P-256", "1.2.156.10197.1.301", 32, NoCoseCurve);

    /// <summary>The curve for .NET's ECDsa (OpenSSL on Linux knows secp256k1 by OID).</summary>
    public ECCurve ToEcCurve() => ECCurve.CreateFromValue(Oid);

    /// <summary>Length of an uncompressed X9.62 point <c>04 | X | Y</c>.</summary>
    public int UncompressedPointLength => 1 + 2 * FieldSize;
}
