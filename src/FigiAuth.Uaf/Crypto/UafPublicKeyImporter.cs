using System.Security.Cryptography;
using FigiAuth.Uaf.Algorithms;

namespace FigiAuth.Uaf.Crypto;

/// <summary>Turns TAG_PUB_KEY bytes into a <see cref="UafPublicKey"/> for one ALG_SIGN.</summary>
internal static class UafPublicKeyImporter
{
    public static UafResult<UafPublicKey> Import(
        UafSignatureAlgorithm algorithm, UafPublicKeyEncoding encoding, ReadOnlySpan<byte> encoded, string stepId)
    {
        switch (algorithm)
        {
            case UafSignatureAlgorithm.Secp256r1EcdsaSha256Raw:
            case UafSignatureAlgorithm.Secp256r1EcdsaSha256Der:
                return ImportEcdsa(algorithm, ECCurve.NamedCurves.nistP256, 32, encoding, encoded, stepId);
            default:
                return new UafFailure(UafStatusCode.UnacceptableAlgorithm, stepId, $"algorithm 0x{(ushort)algorithm:X4} is not supported");
        }
    }

    private static UafResult<UafPublicKey> ImportEcdsa(
        UafSignatureAlgorithm algorithm, ECCurve curve, int fieldSize, UafPublicKeyEncoding encoding,
        ReadOnlySpan<byte> encoded, string stepId)
    {
        var format = algorithm is UafSignatureAlgorithm.Secp256r1EcdsaSha256Der
            ? DSASignatureFormat.Rfc3279DerSequence
            : DSASignatureFormat.IeeeP1363FixedFieldConcatenation;
        try
        {
            var key = ECDsa.Create();
            switch (encoding)
            {
                case UafPublicKeyEncoding.EccX962Raw:
                    if (encoded.Length != 1 + 2 * fieldSize || encoded[0] != 0x04)
                        return new UafFailure(UafStatusCode.UnacceptableKey, stepId, "ECC_X962_RAW key is not an uncompressed point of the curve");
                    key.ImportParameters(new ECParameters
                    {
                        Curve = curve,
                        Q = new ECPoint { X = encoded.Slice(1, fieldSize).ToArray(), Y = encoded.Slice(1 + fieldSize, fieldSize).ToArray() },
                    });
                    break;
                case UafPublicKeyEncoding.EccX962Der:
                    key.ImportSubjectPublicKeyInfo(encoded, out var read);
                    if (read != encoded.Length || key.KeySize != fieldSize * 8)
                        return new UafFailure(UafStatusCode.UnacceptableKey, stepId, "ECC_X962_DER key has trailing bytes or the wrong curve");
                    break;
                default:
                    return new UafFailure(UafStatusCode.UnacceptableKey, stepId, $"key encoding 0x{(ushort)encoding:X4} does not fit an ECDSA algorithm");
            }
            return new EcdsaUafPublicKey(algorithm, key, HashAlgorithmName.SHA256, format);
        }
        catch (CryptographicException e)
        {
            return new UafFailure(UafStatusCode.UnacceptableKey, stepId, $"public key does not import: {e.Message}");
        }
    }
}
