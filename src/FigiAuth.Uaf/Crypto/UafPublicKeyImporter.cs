using System.Formats.Asn1;
using System.Security.Cryptography;
using FigiAuth.Uaf.Algorithms;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace FigiAuth.Uaf.Crypto;

/// <summary>
/// Turns TAG_PUB_KEY bytes into a <see cref="UafPublicKey"/> for one ALG_SIGN (UAF-REG-19).
/// Unsupported algorithm: 1495. Malformed, mismatched (encoding, curve, COSE kty/crv/alg), off-curve
/// or weak key: 1494.
/// </summary>
internal static class UafPublicKeyImporter
{
    public static UafResult<UafPublicKey> Import(
        UafSignatureAlgorithm algorithm, UafPublicKeyEncoding encoding, ReadOnlySpan<byte> encoded, string stepId)
    {
        var found = UafAlgorithmProfiles.Find(algorithm, stepId);
        if (!found.Succeeded)
            return found.Failure;
        var profile = found.Value;
        try
        {
            return profile.Family switch
            {
                UafKeyFamily.Ecdsa => ImportEcdsa(profile, encoding, encoded, stepId),
                UafKeyFamily.RsaPss or UafKeyFamily.RsaPkcs1 => new RsaUafPublicKey(profile, RsaKeyDecoder.Read(profile, encoding, encoded, stepId)),
                UafKeyFamily.Sm2 => Sm2KeyFactory.Create(profile, encoding, encoded, stepId),
                _ => ImportEdDsa(profile, encoding, encoded, stepId),
            };
        }
        catch (UafFormatException e)
        {
            return e.ToFailure();
        }
        catch (Exception e) when (e is CryptographicException or AsnContentException or ArgumentException)
        {
            return new UafFailure(UafStatusCode.UnacceptableKey, stepId, $"public key does not import: {e.Message}");
        }
    }

    /// <summary>The ALG_KEY under which a certificate's SubjectPublicKeyInfo is read for <paramref name="algorithm"/>.</summary>
    public static UafPublicKeyEncoding SubjectPublicKeyInfoEncoding(UafSignatureAlgorithm algorithm) =>
        UafAlgorithmProfiles.Find(algorithm, "").Value is { IsRsa: true }
            ? UafPublicKeyEncoding.Rsa2048Der
            : UafPublicKeyEncoding.EccX962Der;

    private static UafPublicKey ImportEcdsa(UafAlgorithmProfile profile, UafPublicKeyEncoding encoding, ReadOnlySpan<byte> encoded, string stepId)
    {
        var point = EcPointDecoder.Read(profile, encoding, encoded, stepId);
        var size = profile.Curve!.FieldSize;
        var key = ECDsa.Create();
        try
        {
            // ImportParameters refuses points that are not on the curve (OpenSSL EC_KEY_check_key).
            key.ImportParameters(new ECParameters
            {
                Curve = profile.Curve.ToEcCurve(),
                Q = new ECPoint { X = point[1..(1 + size)], Y = point[(1 + size)..] },
            });
        }
        catch
        {
            key.Dispose();
            throw;
        }
        var format = profile.DerSignature ? DSASignatureFormat.Rfc3279DerSequence : DSASignatureFormat.IeeeP1363FixedFieldConcatenation;
        return new EcdsaUafPublicKey(profile.Algorithm, key, profile.Hash, format);
    }

    private static UafPublicKey ImportEdDsa(UafAlgorithmProfile profile, UafPublicKeyEncoding encoding, ReadOnlySpan<byte> encoded, string stepId)
    {
        var raw = EdDsaKeyDecoder.Read(profile, encoding, encoded, stepId);
        return profile.Family == UafKeyFamily.Ed25519
            ? new BouncyCastleUafPublicKey(profile.Algorithm, () => new Ed25519Signer(), new Ed25519PublicKeyParameters(raw))
            : new BouncyCastleUafPublicKey(profile.Algorithm, () => new Ed448Signer([]), new Ed448PublicKeyParameters(raw));
    }
}
