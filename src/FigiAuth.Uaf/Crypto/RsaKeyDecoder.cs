using System.Security.Cryptography;
using FigiAuth.Uaf.Algorithms;

namespace FigiAuth.Uaf.Crypto;

/// <summary>
/// Reads TAG_PUB_KEY of an RSA algorithm (UAF.md §7.2): RSA_2048_RAW (n, 256 bytes big-endian, then
/// e), RSA_2048_DER (RSAPublicKey, or a SubjectPublicKeyInfo as RaonSecure sends) or COSE (kty RSA).
/// Moduli under 2048 bits and even or trivial exponents are refused (UAF-REG-19).
/// </summary>
internal static class RsaKeyDecoder
{
    public const int MinimumModulusBits = 2048;
    private const int RawModulusLength = 256;

    public static RSA Read(UafAlgorithmProfile profile, UafPublicKeyEncoding encoding, ReadOnlySpan<byte> encoded, string stepId)
    {
        var rsa = RSA.Create();
        try
        {
            switch (encoding)
            {
                case UafPublicKeyEncoding.Rsa2048Raw:
                    if (encoded.Length <= RawModulusLength)
                        throw KeyFormat.Invalid(stepId, $"RSA_2048_RAW key has {encoded.Length} bytes: no room for n (256 bytes) and e");
                    rsa.ImportParameters(new RSAParameters
                    {
                        Modulus = encoded[..RawModulusLength].ToArray(),
                        Exponent = TrimLeadingZeros(encoded[RawModulusLength..]),
                    });
                    break;
                case UafPublicKeyEncoding.Rsa2048Der:
                    var spki = SubjectPublicKeyInfo.TryRead(encoded);
                    if (spki is not null && spki.AlgorithmOid != SubjectPublicKeyInfo.RsaEncryptionOid)
                        throw KeyFormat.Invalid(stepId, $"RSA_2048_DER SubjectPublicKeyInfo has algorithm {spki.AlgorithmOid}, not rsaEncryption");
                    ReadOnlySpan<byte> rsaPublicKey = spki is null ? encoded : spki.PublicKey;
                    rsa.ImportRSAPublicKey(rsaPublicKey, out var read);
                    if (read != rsaPublicKey.Length)
                        throw KeyFormat.Invalid(stepId, "RSA_2048_DER key has trailing bytes");
                    break;
                case UafPublicKeyEncoding.Cose:
                    var key = CoseKey.Read(encoded, stepId);
                    key.Require(CoseKey.KtyRsa, profile, stepId);
                    var (n, e) = (key.Bytes(-1), key.Bytes(-2));
                    if (n is null || e is null)
                        throw KeyFormat.Invalid(stepId, "COSE_Key (RSA) lacks n or e");
                    rsa.ImportParameters(new RSAParameters { Modulus = n, Exponent = TrimLeadingZeros(e) });
                    break;
                default:
                    throw KeyFormat.Invalid(stepId, $"key encoding 0x{(ushort)encoding:X4} does not fit ALG_SIGN {profile.Algorithm}");
            }
            CheckStrength(rsa, stepId);
            return rsa;
        }
        catch
        {
            rsa.Dispose();
            throw;
        }
    }

    private static void CheckStrength(RSA rsa, string stepId)
    {
        var parameters = rsa.ExportParameters(false);
        var modulus = parameters.Modulus!;
        var bits = modulus.Length * 8 - System.Numerics.BitOperations.LeadingZeroCount((uint)modulus[0]) + 24;
        if (modulus[0] == 0 || bits < MinimumModulusBits)
            throw KeyFormat.Invalid(stepId, $"RSA modulus has {bits} bits; at least {MinimumModulusBits} are required");
        var exponent = parameters.Exponent!;
        if ((exponent[^1] & 1) == 0 || (exponent.Length == 1 && exponent[0] < 3))
            throw KeyFormat.Invalid(stepId, "RSA public exponent must be odd and at least 3");
    }

    private static byte[] TrimLeadingZeros(ReadOnlySpan<byte> value)
    {
        var start = 0;
        while (start < value.Length - 1 && value[start] == 0)
            start++;
        return value[start..].ToArray();
    }
}
