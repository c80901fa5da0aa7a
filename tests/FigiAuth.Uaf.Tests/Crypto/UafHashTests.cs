using FigiAuth.Uaf.Algorithms;
using FigiAuth.Uaf.Crypto;

namespace FigiAuth.Uaf.Tests.Crypto;

/// <summary>UAF.md §6.6: H for the final challenge hash and transaction content hash.</summary>
public sealed class UafHashTests
{
    [Fact]
    public void Succeeds_ForSm3OfAbc()
    {
        // GB/T 32905-2016 Appendix A.1 example: SM3("abc").
        Assert.Equal("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0",
            Convert.ToHexStringLower(UafHash.Compute(UafSignatureAlgorithm.Sm2Sm3Raw, "abc"u8)!));
        Assert.Equal(32, UafHash.LengthFor(UafSignatureAlgorithm.Sm2Sm3Raw));
    }

    [Theory]
    [InlineData(UafSignatureAlgorithm.Secp256r1EcdsaSha256Raw, 32)]
    [InlineData(UafSignatureAlgorithm.Secp384r1EcdsaSha384Raw, 48)]
    [InlineData(UafSignatureAlgorithm.RsassaPssSha512Raw, 64)]
    public void Succeeds_ForTheSignatureHashOfEachAlgorithm(UafSignatureAlgorithm algorithm, int length)
    {
        Assert.Equal(length, UafHash.Compute(algorithm, "fcParams"u8)!.Length);
        Assert.Equal(length, UafHash.LengthFor(algorithm));
        Assert.Null(UafHash.For(UafSignatureAlgorithm.Sm2Sm3Raw));
    }
}
