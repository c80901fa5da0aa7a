using FigiAuth.Uaf.Algorithms;
using FigiAuth.Uaf.Crypto;

namespace FigiAuth.Uaf.Tests.Crypto;

/// <summary>UAF-REG-19 / AUTH-18: every supported ALG_SIGN with every ALG_KEY that fits it (UAF.md §7).</summary>
public sealed class UafPublicKeyVerifyTests
{
    private const string Step = "UAF-REG-19";
    private static readonly byte[] Data = "\u0003\u003eKRD bytes signed by the authenticator"u8.ToArray();

    public static TheoryData<UafSignatureAlgorithm, UafPublicKeyEncoding> Cases => TestKeys.AlgorithmsAndEncodings();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Succeeds_ForEveryAlgorithmAndEncoding(UafSignatureAlgorithm algorithm, UafPublicKeyEncoding encoding)
    {
        var test = TestKeys.For(algorithm);
        using var key = Import(test, encoding);
        Assert.Equal(algorithm, key.Algorithm);
        Assert.True(key.Verify(Data, test.Sign(Data)));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fails_WhenOneSignatureBitIsFlipped(UafSignatureAlgorithm algorithm, UafPublicKeyEncoding encoding)
    {
        var test = TestKeys.For(algorithm);
        using var key = Import(test, encoding);
        var signature = test.Sign(Data);
        signature[signature.Length / 2] ^= 0x01;
        Assert.False(key.Verify(Data, signature));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fails_WhenOneDataBitIsFlipped(UafSignatureAlgorithm algorithm, UafPublicKeyEncoding encoding)
    {
        var test = TestKeys.For(algorithm);
        using var key = Import(test, encoding);
        var signature = test.Sign(Data);
        var data = Data.ToArray();
        data[5] ^= 0x80;
        Assert.False(key.Verify(data, signature));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fails_With1494_WhenTheKeyIsTruncated(UafSignatureAlgorithm algorithm, UafPublicKeyEncoding encoding)
    {
        var encoded = TestKeys.For(algorithm).Encodings[encoding];
        AssertFails(UafStatusCode.UnacceptableKey, UafPublicKey.Import(algorithm, encoding, encoded.AsSpan(0, encoded.Length - 1), Step));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fails_With1494_WhenTheKeyHasATrailingByte(UafSignatureAlgorithm algorithm, UafPublicKeyEncoding encoding)
    {
        var encoded = TestKeys.For(algorithm).Encodings[encoding];
        // RSA_2048_RAW's exponent is "the rest of the TLV": a trailing byte changes e, and the signature must then fail.
        if (encoding == UafPublicKeyEncoding.Rsa2048Raw)
        {
            var test = TestKeys.For(algorithm);
            var imported = UafPublicKey.Import(algorithm, encoding, [.. encoded, 0x01], Step);
            Assert.True(!imported.Succeeded || !imported.Value.Verify(Data, test.Sign(Data)));
            return;
        }
        AssertFails(UafStatusCode.UnacceptableKey, UafPublicKey.Import(algorithm, encoding, [.. encoded, 0x00], Step));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Succeeds_ForTheCertificateKeyOfEveryAlgorithm(UafSignatureAlgorithm algorithm, UafPublicKeyEncoding encoding)
    {
        _ = encoding;
        var test = TestKeys.For(algorithm);
        var imported = UafPublicKey.FromSubjectPublicKeyInfo(algorithm, test.SubjectPublicKeyInfo, Step);
        Assert.True(imported.Succeeded, imported.Failure?.ToString());
        using var key = imported.Value;
        Assert.True(key.Verify(Data, test.Sign(Data)));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fails_WhenTheSignatureIsEmpty(UafSignatureAlgorithm algorithm, UafPublicKeyEncoding encoding)
    {
        using var key = Import(TestKeys.For(algorithm), encoding);
        Assert.False(key.Verify(Data, []));
    }

    internal static UafPublicKey Import(TestKey test, UafPublicKeyEncoding encoding)
    {
        var imported = UafPublicKey.Import(test.Algorithm, encoding, test.Encodings[encoding], Step);
        Assert.True(imported.Succeeded, imported.Failure?.ToString());
        return imported.Value;
    }

    internal static void AssertFails(UafStatusCode status, UafResult<UafPublicKey> result)
    {
        Assert.False(result.Succeeded);
        Assert.Equal(status, result.Failure.Status);
        Assert.Equal(Step, result.Failure.StepId);
    }
}
