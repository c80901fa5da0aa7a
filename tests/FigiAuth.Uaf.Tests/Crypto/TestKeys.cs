using System.Collections.Concurrent;
using System.Formats.Asn1;
using System.Formats.Cbor;
using System.Security.Cryptography;
using FigiAuth.Uaf.Algorithms;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace FigiAuth.Uaf.Tests.Crypto;

/// <summary>Makes (and caches per algorithm) a key for each supported ALG_SIGN, signing the way an authenticator would.</summary>
public static class TestKeys
{
    public static readonly UafSignatureAlgorithm[] Supported =
        Enum.GetValues<UafSignatureAlgorithm>().Where(a => a != UafSignatureAlgorithm.RsassaPkcsv15Sha1Raw).ToArray();

    private static readonly ConcurrentDictionary<UafSignatureAlgorithm, TestKey> Cache = new();

    public static TestKey For(UafSignatureAlgorithm algorithm) => Cache.GetOrAdd(algorithm, Create);

    public static TheoryData<UafSignatureAlgorithm, UafPublicKeyEncoding> AlgorithmsAndEncodings()
    {
        var data = new TheoryData<UafSignatureAlgorithm, UafPublicKeyEncoding>();
        foreach (var algorithm in Supported)
            foreach (var encoding in EncodingsOf(algorithm))
                data.Add(algorithm, encoding);
        return data;
    }

    public static UafPublicKeyEncoding[] EncodingsOf(UafSignatureAlgorithm algorithm) => algorithm switch
    {
        UafSignatureAlgorithm.Sm2Sm3Raw => [UafPublicKeyEncoding.EccX962Raw, UafPublicKeyEncoding.EccX962Der],
        _ when IsRsa(algorithm) => [UafPublicKeyEncoding.Rsa2048Raw, UafPublicKeyEncoding.Rsa2048Der, UafPublicKeyEncoding.Cose],
        _ => [UafPublicKeyEncoding.EccX962Raw, UafPublicKeyEncoding.EccX962Der, UafPublicKeyEncoding.Cose],
    };

    public static bool IsRsa(UafSignatureAlgorithm a) => a is UafSignatureAlgorithm.RsassaPssSha256Raw or UafSignatureAlgorithm.RsassaPssSha256Der
        or UafSignatureAlgorithm.RsaEmsaPkcs1Sha256Raw or UafSignatureAlgorithm.RsaEmsaPkcs1Sha256Der
        or (>= UafSignatureAlgorithm.RsassaPssSha384Raw and <= UafSignatureAlgorithm.RsassaPkcsv15Sha1Raw);

    private static TestKey Create(UafSignatureAlgorithm algorithm) => algorithm switch
    {
        UafSignatureAlgorithm.Secp256r1EcdsaSha256Raw => Ecdsa(algorithm, "1.2.840.10045.3.1.7", 1, -7, HashAlgorithmName.SHA256, false),
        UafSignatureAlgorithm.Secp256r1EcdsaSha256Der => Ecdsa(algorithm, "1.2.840.10045.3.1.7", 1, -7, HashAlgorithmName.SHA256, true),
        UafSignatureAlgorithm.Secp256k1EcdsaSha256Raw => Ecdsa(algorithm, "1.3.132.0.10", 8, -47, HashAlgorithmName.SHA256, false),
        UafSignatureAlgorithm.Secp256k1EcdsaSha256Der => Ecdsa(algorithm, "1.3.132.0.10", 8, -47, HashAlgorithmName.SHA256, true),
        UafSignatureAlgorithm.Secp384r1EcdsaSha384Raw => Ecdsa(algorithm, "1.3.132.0.34", 2, -35, HashAlgorithmName.SHA384, false),
        UafSignatureAlgorithm.Secp521r1EcdsaSha512Raw => Ecdsa(algorithm, "1.3.132.0.35", 3, -36, HashAlgorithmName.SHA512, false),
        UafSignatureAlgorithm.RsassaPssSha256Raw => Rsa(algorithm, -37, HashAlgorithmName.SHA256, RSASignaturePadding.Pss, false),
        UafSignatureAlgorithm.RsassaPssSha256Der => Rsa(algorithm, -37, HashAlgorithmName.SHA256, RSASignaturePadding.Pss, true),
        UafSignatureAlgorithm.RsaEmsaPkcs1Sha256Raw => Rsa(algorithm, -257, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, false),
        UafSignatureAlgorithm.RsaEmsaPkcs1Sha256Der => Rsa(algorithm, -257, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, true),
        UafSignatureAlgorithm.RsassaPssSha384Raw => Rsa(algorithm, -38, HashAlgorithmName.SHA384, RSASignaturePadding.Pss, false),
        UafSignatureAlgorithm.RsassaPssSha512Raw => Rsa(algorithm, -39, HashAlgorithmName.SHA512, RSASignaturePadding.Pss, false),
        UafSignatureAlgorithm.RsassaPkcsv15Sha256Raw => Rsa(algorithm, -257, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, false),
        UafSignatureAlgorithm.RsassaPkcsv15Sha384Raw => Rsa(algorithm, -258, HashAlgorithmName.SHA384, RSASignaturePadding.Pkcs1, false),
        UafSignatureAlgorithm.RsassaPkcsv15Sha512Raw => Rsa(algorithm, -259, HashAlgorithmName.SHA512, RSASignaturePadding.Pkcs1, false),
        UafSignatureAlgorithm.Ed25519EddsaSha512Raw => EdDsa(algorithm, new Ed25519KeyPairGenerator(), new Ed25519KeyGenerationParameters(new SecureRandom()), 6, () => new Ed25519Signer()),
        UafSignatureAlgorithm.Ed448EddsaSha512Raw => EdDsa(algorithm, new Ed448KeyPairGenerator(), new Ed448KeyGenerationParameters(new SecureRandom()), 7, () => new Ed448Signer([])),
        UafSignatureAlgorithm.Sm2Sm3Raw => Sm2(),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    public static ECDsa CreateEcdsa(string curveOid) => ECDsa.Create(ECCurve.CreateFromValue(curveOid));

    private static TestKey Ecdsa(UafSignatureAlgorithm algorithm, string curveOid, int coseCurve, int coseAlg, HashAlgorithmName hash, bool der)
    {
        var key = CreateEcdsa(curveOid);
        var q = key.ExportParameters(false).Q;
        var format = der ? DSASignatureFormat.Rfc3279DerSequence : DSASignatureFormat.IeeeP1363FixedFieldConcatenation;
        var spki = key.ExportSubjectPublicKeyInfo();
        return new TestKey(algorithm, new Dictionary<UafPublicKeyEncoding, byte[]>
        {
            [UafPublicKeyEncoding.EccX962Raw] = [0x04, .. q.X!, .. q.Y!],
            [UafPublicKeyEncoding.EccX962Der] = spki,
            [UafPublicKeyEncoding.Cose] = Cose(2, coseAlg, (-1, coseCurve), (-2, q.X!), (-3, q.Y!)),
        }, spki, data => key.SignData(data, hash, format));
    }

    private static TestKey Rsa(UafSignatureAlgorithm algorithm, int coseAlg, HashAlgorithmName hash, RSASignaturePadding padding, bool der)
    {
        var key = RSA.Create(2048);
        var p = key.ExportParameters(false);
        return new TestKey(algorithm, new Dictionary<UafPublicKeyEncoding, byte[]>
        {
            [UafPublicKeyEncoding.Rsa2048Raw] = [.. p.Modulus!, .. p.Exponent!],
            [UafPublicKeyEncoding.Rsa2048Der] = key.ExportRSAPublicKey(),
            [UafPublicKeyEncoding.Cose] = Cose(3, coseAlg, (-1, p.Modulus!), (-2, p.Exponent!)),
        }, key.ExportSubjectPublicKeyInfo(), data =>
        {
            var signature = key.SignData(data, hash, padding);
            return der ? OctetString(signature) : signature;
        });
    }

    private static TestKey EdDsa(UafSignatureAlgorithm algorithm, IAsymmetricCipherKeyPairGenerator generator, KeyGenerationParameters parameters, int coseCurve, Func<ISigner> signer)
    {
        generator.Init(parameters);
        var pair = generator.GenerateKeyPair();
        var raw = pair.Public switch
        {
            Ed25519PublicKeyParameters ed => ed.GetEncoded(),
            Ed448PublicKeyParameters ed => ed.GetEncoded(),
            _ => throw new InvalidOperationException(),
        };
        var spki = SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(pair.Public).GetDerEncoded();
        return new TestKey(algorithm, new Dictionary<UafPublicKeyEncoding, byte[]>
        {
            [UafPublicKeyEncoding.EccX962Raw] = raw,
            [UafPublicKeyEncoding.EccX962Der] = spki,
            [UafPublicKeyEncoding.Cose] = Cose(1, -8, (-1, coseCurve), (-2, raw)),
        }, spki, data => BcSign(signer(), pair.Private, data));
    }

    private static TestKey Sm2()
    {
        var domain = new ECDomainParameters(GMNamedCurves.GetByName("sm2p256v1"));
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(domain, new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        var q = ((ECPublicKeyParameters)pair.Public).Q;
        var spki = Sm2SubjectPublicKeyInfo(q.GetEncoded(false));
        var id = "1234567812345678"u8.ToArray();
        return new TestKey(UafSignatureAlgorithm.Sm2Sm3Raw, new Dictionary<UafPublicKeyEncoding, byte[]>
        {
            [UafPublicKeyEncoding.EccX962Raw] = q.GetEncoded(false),
            [UafPublicKeyEncoding.EccX962Der] = spki,
        }, spki, data => BcSign(new SM2Signer(PlainDsaEncoding.Instance, new SM3Digest()), new ParametersWithID(pair.Private, id), data));
    }

    private static byte[] Sm2SubjectPublicKeyInfo(byte[] point)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier("1.2.840.10045.2.1");
                writer.WriteObjectIdentifier("1.2.156.10197.1.301");
            }
            writer.WriteBitString(point);
        }
        return writer.Encode();
    }

    private static byte[] BcSign(ISigner signer, ICipherParameters key, byte[] data)
    {
        signer.Init(true, key);
        signer.BlockUpdate(data, 0, data.Length);
        return signer.GenerateSignature();
    }

    public static byte[] OctetString(byte[] value)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        writer.WriteOctetString(value);
        return writer.Encode();
    }

    public static byte[] Cose(int kty, int alg, params (int Label, object Value)[] parameters)
    {
        var writer = new CborWriter(CborConformanceMode.Strict);
        writer.WriteStartMap(2 + parameters.Length);
        writer.WriteInt32(1);
        writer.WriteInt32(kty);
        writer.WriteInt32(3);
        writer.WriteInt32(alg);
        foreach (var (label, value) in parameters)
        {
            writer.WriteInt32(label);
            if (value is int i)
                writer.WriteInt32(i);
            else
                writer.WriteByteString((byte[])value);
        }
        writer.WriteEndMap();
        return writer.Encode();
    }
}
