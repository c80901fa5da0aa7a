using System.Formats.Asn1;
using System.Security.Cryptography;
using FigiAuth.Uaf.Algorithms;
using NSec.Cryptography;

namespace FigiAuth.Client.Authenticators;

/// <summary>
/// A UAuth private key of the software authenticator: generation, PKCS#8 export/import, the
/// TAG_PUB_KEY encodings and signing in the ALG_SIGN format. Independent of the server's verifiers.
/// </summary>
internal abstract class ClientKey : IDisposable
{
    protected ClientKey(SignatureProfile profile) => Profile = profile;

    public SignatureProfile Profile { get; }

    public abstract byte[] ExportPkcs8();

    public abstract byte[] ExportPublicKey(UafPublicKeyEncoding encoding);

    /// <summary>Signs <paramref name="data"/> (the whole KRD or SignedData element) in the ALG_SIGN format.</summary>
    public abstract byte[] Sign(ReadOnlySpan<byte> data);

    public abstract void Dispose();

    public static ClientKey Generate(UafSignatureAlgorithm algorithm)
    {
        var profile = SignatureProfile.For(algorithm);
        return profile.Family switch
        {
            KeyFamily.Ecdsa => new EcdsaClientKey(profile, ECDsa.Create(ECCurve.CreateFromValue(profile.CurveOid!))),
            KeyFamily.RsaPss or KeyFamily.RsaPkcs1 => new RsaClientKey(profile, RSA.Create(2048)),
            KeyFamily.Ed25519 => new Ed25519ClientKey(profile, Key.Create(SignatureAlgorithm.Ed25519,
                new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport })),
            _ => throw new NotSupportedException(),
        };
    }

    public static ClientKey ImportPkcs8(UafSignatureAlgorithm algorithm, byte[] pkcs8)
    {
        var profile = SignatureProfile.For(algorithm);
        switch (profile.Family)
        {
            case KeyFamily.Ecdsa:
                var ec = ECDsa.Create();
                ec.ImportPkcs8PrivateKey(pkcs8, out _);
                return new EcdsaClientKey(profile, ec);
            case KeyFamily.RsaPss or KeyFamily.RsaPkcs1:
                var rsa = RSA.Create();
                rsa.ImportPkcs8PrivateKey(pkcs8, out _);
                return new RsaClientKey(profile, rsa);
            case KeyFamily.Ed25519:
                return new Ed25519ClientKey(profile, Key.Import(SignatureAlgorithm.Ed25519, pkcs8, KeyBlobFormat.PkixPrivateKey,
                    new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport }));
            default:
                throw new NotSupportedException();
        }
    }

    /// <summary>DER OCTET STRING around a raw signature (the *_DER RSA formats).</summary>
    protected static byte[] WrapInOctetString(byte[] raw)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        writer.WriteOctetString(raw);
        return writer.Encode();
    }

    protected static Exception EncodingMismatch(SignatureProfile profile, UafPublicKeyEncoding encoding) =>
        new NotSupportedException($"key encoding {encoding} does not fit ALG_SIGN {profile.Algorithm}");
}

internal sealed class EcdsaClientKey(SignatureProfile profile, ECDsa key) : ClientKey(profile)
{
    public override byte[] ExportPkcs8() => key.ExportPkcs8PrivateKey();

    public override byte[] ExportPublicKey(UafPublicKeyEncoding encoding)
    {
        switch (encoding)
        {
            case UafPublicKeyEncoding.EccX962Raw:
                // Uncompressed point 04 | X | Y, each coordinate left-padded to the field size.
                var q = key.ExportParameters(false).Q;
                var size = Profile.FieldSize;
                var point = new byte[1 + 2 * size];
                point[0] = 0x04;
                q.X!.CopyTo(point, 1 + size - q.X!.Length);
                q.Y!.CopyTo(point, 1 + 2 * size - q.Y!.Length);
                return point;
            case UafPublicKeyEncoding.EccX962Der:
                return key.ExportSubjectPublicKeyInfo();
            default:
                throw EncodingMismatch(Profile, encoding);
        }
    }

    public override byte[] Sign(ReadOnlySpan<byte> data) =>
        key.SignData(data, Profile.Hash,
            Profile.DerSignature ? DSASignatureFormat.Rfc3279DerSequence : DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    public override void Dispose() => key.Dispose();
}

internal sealed class RsaClientKey(SignatureProfile profile, RSA key) : ClientKey(profile)
{
    public override byte[] ExportPkcs8() => key.ExportPkcs8PrivateKey();

    public override byte[] ExportPublicKey(UafPublicKeyEncoding encoding)
    {
        switch (encoding)
        {
            case UafPublicKeyEncoding.Rsa2048Raw:
                // RSA_2048_RAW: modulus (256 bytes, big-endian) followed by the public exponent.
                var p = key.ExportParameters(false);
                return [.. p.Modulus!, .. p.Exponent!];
            case UafPublicKeyEncoding.Rsa2048Der:
                return key.ExportRSAPublicKey();
            default:
                throw EncodingMismatch(Profile, encoding);
        }
    }

    public override byte[] Sign(ReadOnlySpan<byte> data)
    {
        // .NET's PSS uses MGF1 with the same hash and a salt as long as the hash (32 bytes for SHA-256).
        var padding = Profile.Family == KeyFamily.RsaPss ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;
        var raw = key.SignData(data.ToArray(), Profile.Hash, padding);
        return Profile.DerSignature ? WrapInOctetString(raw) : raw;
    }

    public override void Dispose() => key.Dispose();
}

internal sealed class Ed25519ClientKey(SignatureProfile profile, Key key) : ClientKey(profile)
{
    public override byte[] ExportPkcs8() => key.Export(KeyBlobFormat.PkixPrivateKey);

    public override byte[] ExportPublicKey(UafPublicKeyEncoding encoding)
    {
        if (encoding != UafPublicKeyEncoding.Cose)
            throw EncodingMismatch(Profile, encoding);
        // COSE_Key {1: 1 (OKP), 3: -8 (EdDSA), -1: 6 (Ed25519), -2: x} in canonical CBOR.
        var x = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        return [0xA4, 0x01, 0x01, 0x03, 0x27, 0x20, 0x06, 0x21, 0x58, 0x20, .. x];
    }

    public override byte[] Sign(ReadOnlySpan<byte> data) => SignatureAlgorithm.Ed25519.Sign(key, data);

    public override void Dispose() => key.Dispose();
}
