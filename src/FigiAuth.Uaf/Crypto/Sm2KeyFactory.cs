using FigiAuth.Uaf.Algorithms;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace FigiAuth.Uaf.Crypto;

/// <summary>
/// SM2_SM3_RAW (0x0007, GM/T 0003-2012 over SM3): the key is a point on sm2p256v1, the signature
/// r‖s (32+32 bytes, like the other RAW algorithms), and Z_A uses the default user ID
/// "1234567812345678" (GM/T 0009). No public UAF vector exists: checked with keys made in the tests.
/// </summary>
internal static class Sm2KeyFactory
{
    /// <summary>The default distinguishing identifier of GM/T 0009-2012 §10.</summary>
    public static readonly byte[] DefaultUserId = "1234567812345678"u8.ToArray();

    public static UafPublicKey Create(UafAlgorithmProfile profile, UafPublicKeyEncoding encoding, ReadOnlySpan<byte> encoded, string stepId)
    {
        var point = EcPointDecoder.Read(profile, encoding, encoded, stepId);
        var x9 = GMNamedCurves.GetByName("sm2p256v1");
        ECPublicKeyParameters key;
        try
        {
            // DecodePoint validates that the point is on the curve.
            key = new ECPublicKeyParameters(x9.Curve.DecodePoint(point), new ECDomainParameters(x9));
        }
        catch (ArgumentException e)
        {
            throw KeyFormat.Invalid(stepId, $"SM2 public key is not a point of sm2p256v1: {e.Message}");
        }
        var parameters = new ParametersWithID(key, DefaultUserId);
        return new BouncyCastleUafPublicKey(profile.Algorithm, () => new SM2Signer(PlainDsaEncoding.Instance, new SM3Digest()), parameters);
    }
}
