using System.Security.Cryptography;
using FigiAuth.Uaf.Algorithms;
using FigiAuth.Uaf.Crypto;
using static FigiAuth.Uaf.Tests.Crypto.UafPublicKeyVerifyTests;

namespace FigiAuth.Uaf.Tests.Crypto;

/// <summary>UAF-REG-19 "reject malformed/weak keys" (1494) and REG-14 unsupported algorithms (1495).</summary>
public sealed class UafPublicKeyImportTests
{
    private const string Step = "UAF-REG-19";
    private static readonly byte[] Data = "signed bytes"u8.ToArray();

    [Fact]
    public void Fails_With1495_WhenTheAlgorithmIsRsaSha1()
    {
        var key = TestKeys.For(UafSignatureAlgorithm.RsassaPkcsv15Sha256Raw).Encodings[UafPublicKeyEncoding.Rsa2048Raw];
        AssertFails(UafStatusCode.UnacceptableAlgorithm, UafPublicKey.Import(UafSignatureAlgorithm.RsassaPkcsv15Sha1Raw, UafPublicKeyEncoding.Rsa2048Raw, key, Step));
    }

    [Fact]
    public void Fails_With1495_WhenTheAlgorithmIsUnknown()
    {
        var key = TestKeys.For(UafSignatureAlgorithm.Secp256r1EcdsaSha256Raw).Encodings[UafPublicKeyEncoding.EccX962Raw];
        AssertFails(UafStatusCode.UnacceptableAlgorithm, UafPublicKey.Import((UafSignatureAlgorithm)0x0099, UafPublicKeyEncoding.EccX962Raw, key, Step));
    }

    [Theory]
    [InlineData(UafSignatureAlgorithm.Secp256r1EcdsaSha256Raw, UafSignatureAlgorithm.Secp256k1EcdsaSha256Raw)]
    [InlineData(UafSignatureAlgorithm.Secp256k1EcdsaSha256Der, UafSignatureAlgorithm.Secp256r1EcdsaSha256Der)]
    [InlineData(UafSignatureAlgorithm.Sm2Sm3Raw, UafSignatureAlgorithm.Secp256r1EcdsaSha256Raw)]
    [InlineData(UafSignatureAlgorithm.Secp384r1EcdsaSha384Raw, UafSignatureAlgorithm.Secp521r1EcdsaSha512Raw)]
    public void Fails_With1494_WhenTheDerKeyIsOnAnotherCurve(UafSignatureAlgorithm algorithm, UafSignatureAlgorithm keyAlgorithm)
    {
        var key = TestKeys.For(keyAlgorithm).Encodings[UafPublicKeyEncoding.EccX962Der];
        AssertFails(UafStatusCode.UnacceptableKey, UafPublicKey.Import(algorithm, UafPublicKeyEncoding.EccX962Der, key, Step));
    }

    [Theory]
    [InlineData(UafSignatureAlgorithm.Secp256r1EcdsaSha256Raw, UafSignatureAlgorithm.Secp256k1EcdsaSha256Raw)]
    [InlineData(UafSignatureAlgorithm.Ed25519EddsaSha512Raw, UafSignatureAlgorithm.Ed448EddsaSha512Raw)]
    [InlineData(UafSignatureAlgorithm.RsassaPssSha256Raw, UafSignatureAlgorithm.Secp256r1EcdsaSha256Raw)]
    public void Fails_With1494_WhenTheCoseKeyIsForAnotherAlgorithm(UafSignatureAlgorithm algorithm, UafSignatureAlgorithm keyAlgorithm)
    {
        var key = TestKeys.For(keyAlgorithm).Encodings[UafPublicKeyEncoding.Cose];
        AssertFails(UafStatusCode.UnacceptableKey, UafPublicKey.Import(algorithm, UafPublicKeyEncoding.Cose, key, Step));
    }

    [Fact]
    public void Fails_With1494_WhenTheCoseAlgDisagrees()
    {
        var q = TestKeys.CreateEcdsa("1.2.840.10045.3.1.7").ExportParameters(false).Q;
        var key = TestKeys.Cose(2, -35, (-1, 1), (-2, q.X!), (-3, q.Y!));
        AssertFails(UafStatusCode.UnacceptableKey, UafPublicKey.Import(UafSignatureAlgorithm.Secp256r1EcdsaSha256Raw, UafPublicKeyEncoding.Cose, key, Step));
    }

    [Theory]
    [InlineData(UafSignatureAlgorithm.Secp256r1EcdsaSha256Raw, UafPublicKeyEncoding.Rsa2048Raw)]
    [InlineData(UafSignatureAlgorithm.RsassaPssSha256Raw, UafPublicKeyEncoding.EccX962Raw)]
    [InlineData(UafSignatureAlgorithm.Sm2Sm3Raw, UafPublicKeyEncoding.Cose)]
    [InlineData(UafSignatureAlgorithm.Ed25519EddsaSha512Raw, UafPublicKeyEncoding.Rsa2048Der)]
    public void Fails_With1494_WhenTheEncodingDoesNotFitTheAlgorithm(UafSignatureAlgorithm algorithm, UafPublicKeyEncoding encoding)
    {
        var key = TestKeys.For(UafSignatureAlgorithm.Secp256r1EcdsaSha256Raw).Encodings[UafPublicKeyEncoding.EccX962Raw];
        AssertFails(UafStatusCode.UnacceptableKey, UafPublicKey.Import(algorithm, encoding, key, Step));
    }

    [Theory]
    [InlineData(UafSignatureAlgorithm.Secp256r1EcdsaSha256Raw)]
    [InlineData(UafSignatureAlgorithm.Secp256k1EcdsaSha256Raw)]
    [InlineData(UafSignatureAlgorithm.Secp384r1EcdsaSha384Raw)]
    [InlineData(UafSignatureAlgorithm.Secp521r1EcdsaSha512Raw)]
    [InlineData(UafSignatureAlgorithm.Sm2Sm3Raw)]
    public void Fails_With1494_WhenThePointIsNotOnTheCurve(UafSignatureAlgorithm algorithm)
    {
        var key = TestKeys.For(algorithm).Encodings[UafPublicKeyEncoding.EccX962Raw].ToArray();
        key[^1] ^= 0x01;
        AssertFails(UafStatusCode.UnacceptableKey, UafPublicKey.Import(algorithm, UafPublicKeyEncoding.EccX962Raw, key, Step));
    }

    [Fact]
    public void Fails_With1494_WhenThePointIsAtInfinity()
    {
        AssertFails(UafStatusCode.UnacceptableKey, UafPublicKey.Import(UafSignatureAlgorithm.Secp256r1EcdsaSha256Raw, UafPublicKeyEncoding.EccX962Raw, [0x00], Step));
        AssertFails(UafStatusCode.UnacceptableKey, UafPublicKey.Import(UafSignatureAlgorithm.Secp256r1EcdsaSha256Raw, UafPublicKeyEncoding.EccX962Raw, new byte[65], Step));
    }

    [Fact]
    public void Fails_With1494_WhenTheRsaModulusIsUnder2048Bits()
    {
        using var rsa = RSA.Create(1024);
        AssertFails(UafStatusCode.UnacceptableKey, UafPublicKey.Import(UafSignatureAlgorithm.RsassaPssSha256Raw, UafPublicKeyEncoding.Rsa2048Der, rsa.ExportRSAPublicKey(), Step));
        AssertFails(UafStatusCode.UnacceptableKey, UafPublicKey.Import(UafSignatureAlgorithm.RsassaPssSha256Raw, UafPublicKeyEncoding.Rsa2048Der, rsa.ExportSubjectPublicKeyInfo(), Step));
    }

    [Fact]
    public void Fails_With1494_WhenTheRawRsaModulusHasALeadingZero()
    {
        var key = TestKeys.For(UafSignatureAlgorithm.RsassaPssSha256Raw).Encodings[UafPublicKeyEncoding.Rsa2048Raw].ToArray();
        key[0] = 0x00;
        AssertFails(UafStatusCode.UnacceptableKey, UafPublicKey.Import(UafSignatureAlgorithm.RsassaPssSha256Raw, UafPublicKeyEncoding.Rsa2048Raw, key, Step));
    }

    [Theory]
    [InlineData(UafSignatureAlgorithm.RsassaPssSha256Raw)]
    [InlineData(UafSignatureAlgorithm.RsaEmsaPkcs1Sha256Der)]
    public void Succeeds_ForAnRsaSubjectPublicKeyInfoSentAsRsa2048Der(UafSignatureAlgorithm algorithm)
    {
        var test = TestKeys.For(algorithm);
        var imported = UafPublicKey.Import(algorithm, UafPublicKeyEncoding.Rsa2048Der, test.SubjectPublicKeyInfo, Step);
        Assert.True(imported.Succeeded, imported.Failure?.ToString());
        using var key = imported.Value;
        Assert.True(key.Verify(Data, test.Sign(Data)));
    }

    [Theory]
    [InlineData(UafSignatureAlgorithm.Secp256r1EcdsaSha256Raw, UafSignatureAlgorithm.Secp256r1EcdsaSha256Der, UafPublicKeyEncoding.EccX962Raw)]
    [InlineData(UafSignatureAlgorithm.Secp256k1EcdsaSha256Raw, UafSignatureAlgorithm.Secp256k1EcdsaSha256Der, UafPublicKeyEncoding.EccX962Raw)]
    [InlineData(UafSignatureAlgorithm.RsassaPssSha256Raw, UafSignatureAlgorithm.RsassaPssSha256Der, UafPublicKeyEncoding.Rsa2048Raw)]
    [InlineData(UafSignatureAlgorithm.RsaEmsaPkcs1Sha256Raw, UafSignatureAlgorithm.RsaEmsaPkcs1Sha256Der, UafPublicKeyEncoding.Rsa2048Raw)]
    public void Succeeds_ForRawAndDerFormsOfTheSameKeyAndSignature(UafSignatureAlgorithm rawAlgorithm, UafSignatureAlgorithm derAlgorithm, UafPublicKeyEncoding rawEncoding)
    {
        var test = TestKeys.For(rawAlgorithm);
        var rawSignature = test.Sign(Data);
        var derSignature = DerSignature(rawAlgorithm, rawSignature);
        var derEncoding = rawEncoding == UafPublicKeyEncoding.EccX962Raw ? UafPublicKeyEncoding.EccX962Der : UafPublicKeyEncoding.Rsa2048Der;
        using var rawKey = Import(test, rawEncoding);
        using var derKeyOfRawAlgorithm = Import(test, derEncoding);
        using var derKey = UafPublicKey.Import(derAlgorithm, derEncoding, test.Encodings[derEncoding], Step).Value;
        using var rawKeyOfDerAlgorithm = UafPublicKey.Import(derAlgorithm, rawEncoding, test.Encodings[rawEncoding], Step).Value;
        Assert.True(rawKey.Verify(Data, rawSignature));
        Assert.True(derKeyOfRawAlgorithm.Verify(Data, rawSignature));
        Assert.True(derKey.Verify(Data, derSignature));
        Assert.True(rawKeyOfDerAlgorithm.Verify(Data, derSignature));
        Assert.False(derKey.Verify(Data, rawSignature));
        Assert.False(rawKey.Verify(Data, derSignature));
    }

    private static byte[] DerSignature(UafSignatureAlgorithm rawAlgorithm, byte[] rawSignature) =>
        TestKeys.IsRsa(rawAlgorithm)
            ? TestKeys.OctetString(rawSignature)
            : AsDer(rawSignature);

    private static byte[] AsDer(byte[] ieee)
    {
        // r‖s as SEQUENCE { r, s } (RFC 3279 §2.2.3).
        var half = ieee.Length / 2;
        var writer = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteIntegerUnsigned(WithoutLeadingZeros(ieee.AsSpan(0, half)));
            writer.WriteIntegerUnsigned(WithoutLeadingZeros(ieee.AsSpan(half)));
        }
        return writer.Encode();
    }

    // DER integers are minimal: r or s starting with a zero byte (1 signature in 256) must lose it.
    private static ReadOnlySpan<byte> WithoutLeadingZeros(ReadOnlySpan<byte> value)
    {
        var start = 0;
        while (start < value.Length - 1 && value[start] == 0)
        {
            start++;
        }
        return value[start..];
    }
}
