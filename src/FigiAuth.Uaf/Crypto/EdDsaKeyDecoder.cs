using FigiAuth.Uaf.Algorithms;

namespace FigiAuth.Uaf.Crypto;

/// <summary>
/// Reads TAG_PUB_KEY of an EdDSA algorithm. UAF 1.1 defines no EdDSA ALG_KEY, so this server takes
/// the encodings FIDO2-era authenticators use: ECC_X962_RAW carrying the raw RFC 8032 public key
/// (32 bytes Ed25519, 57 bytes Ed448), ECC_X962_DER carrying an RFC 8410 SubjectPublicKeyInfo, and
/// COSE (kty OKP, crv Ed25519 = 6 / Ed448 = 7).
/// </summary>
internal static class EdDsaKeyDecoder
{
    public static byte[] Read(UafAlgorithmProfile profile, UafPublicKeyEncoding encoding, ReadOnlySpan<byte> encoded, string stepId)
    {
        var ed25519 = profile.Family == UafKeyFamily.Ed25519;
        var length = ed25519 ? 32 : 57;
        byte[] key;
        switch (encoding)
        {
            case UafPublicKeyEncoding.EccX962Raw:
                key = encoded.ToArray();
                break;
            case UafPublicKeyEncoding.EccX962Der:
                var spki = SubjectPublicKeyInfo.TryRead(encoded)
                    ?? throw KeyFormat.Invalid(stepId, "EdDSA key is not a DER SubjectPublicKeyInfo");
                var oid = ed25519 ? SubjectPublicKeyInfo.Ed25519Oid : SubjectPublicKeyInfo.Ed448Oid;
                if (spki.AlgorithmOid != oid || spki.ParameterOid is not null)
                    throw KeyFormat.Invalid(stepId, $"SubjectPublicKeyInfo algorithm {spki.AlgorithmOid} is not {oid}");
                key = spki.PublicKey;
                break;
            case UafPublicKeyEncoding.Cose:
                var cose = CoseKey.Read(encoded, stepId);
                cose.Require(CoseKey.KtyOkp, profile, stepId);
                if (cose.Int(-1) != (ed25519 ? 6 : 7))
                    throw KeyFormat.Invalid(stepId, $"COSE_Key crv {cose.Int(-1)} does not fit ALG_SIGN {profile.Algorithm}");
                key = cose.Bytes(-2) ?? throw KeyFormat.Invalid(stepId, "COSE_Key (OKP) lacks x");
                break;
            default:
                throw KeyFormat.Invalid(stepId, $"key encoding 0x{(ushort)encoding:X4} does not fit ALG_SIGN {profile.Algorithm}");
        }
        return key.Length == length
            ? key
            : throw KeyFormat.Invalid(stepId, $"EdDSA public key has {key.Length} bytes, expected {length}");
    }
}
