using System.Security.Cryptography;
using FigiAuth.Uaf.Algorithms;
using FigiAuth.Uaf.Assertions;
using FigiAuth.Uaf.Authentication;
using FigiAuth.Uaf.Encoding;
using FigiAuth.Uaf.Messages;
using FigiAuth.Uaf.Metadata;
using FigiAuth.Uaf.Tests.Support;
using FigiAuth.Uaf.Verification;

namespace FigiAuth.Uaf.Tests.Vectors;

/// <summary>
/// eBay/UAF's real authenticator assertions (no fcParams): the TLV readers must decode every conformant
/// one to the values the vectors README lists, and refuse the non-conformant eBay test client ones.
/// Signatures of algorithms 0x0004 and 0x0006 are checked by the crypto code once merged; here only
/// their TLV is read.
/// </summary>
public sealed class EbayAssertionVectorTests
{
    // The eBay test client pads its base64url (which UAF-REG-02 refuses); strip it to reach the TLV.
    private static byte[] Bytes(string method) =>
        StrictBase64Url.Decode(((string)VectorFiles.EbayItem(method)["assertion"]!).TrimEnd('='), "test", "assertion");

    [Theory]
    [InlineData("getExampleRegAssertions()")]
    [InlineData("getSecondExampleRegAssertions()")]
    [InlineData("getRegAssertionsFromS()")]
    [InlineData("getRegAssertionsFromS2()")]
    [InlineData("getRegAssertionsFromD()")]
    [InlineData("regRequestAssertionsFromRaon()")]
    public void Succeeds_ForRealRegistrationAssertion(string method)
    {
        var item = VectorFiles.EbayItem(method);
        var assertion = RegistrationAssertionReader.Read(Bytes(method));
        var krd = assertion.Krd;
        Assert.Equal((string)item["aaid"]!, krd.Aaid);
        Assert.Equal((string)item["keyID"]!, StrictBase64Url.Encode(krd.KeyId));
        Assert.Equal(Convert.ToUInt16((string)item["signAlg"]!, 16), (ushort)krd.SignatureAlgorithm);
        Assert.Equal(Convert.ToUInt16((string)item["pubKeyEnc"]!, 16), (ushort)krd.PublicKeyEncoding);
        Assert.Equal((string)item["counters"]!, Convert.ToHexString([.. BitConverter.GetBytes(krd.SignCounter), .. BitConverter.GetBytes(krd.RegCounter)]).ToLowerInvariant());
        Assert.Equal(UafAttestationType.BasicFull, assertion.AttestationType);
        Assert.Equal((string)item["finalChallengeHash"]!, Convert.ToHexString(krd.FinalChallengeHash).ToLowerInvariant());
        Assert.Equal(0x03, krd.Raw[0]);
    }

    [Fact]
    public void Fails_With1498_WhenEbayClientKeyIdIs15Bytes()
    {
        Expect.Failure(() => RegistrationAssertionReader.Read(Bytes("getExampleRegAssertionsFromClient()")), UafStatusCode.UnacceptableContent, UafSteps.Reg11);
    }

    [Theory]
    [InlineData("getExampleAuthAssertions()")]
    [InlineData("getExampleAuthAssertionsFromCertTool()")]
    [InlineData("getAuthResponseFromRaon()")]
    [InlineData("getTestResponseAsJsonString()")]
    public void Succeeds_ForRealAuthenticationAssertion(string method)
    {
        var item = VectorFiles.EbayItem(method);
        var signed = AuthenticationAssertionReader.Read(Bytes(method)).SignedData;
        Assert.Equal((string)item["aaid"]!, signed.Aaid);
        Assert.Equal((string)item["keyID"]!, StrictBase64Url.Encode(signed.KeyId));
        Assert.Equal((byte)(int)item["authenticationMode"]!, signed.AuthenticationMode);
        Assert.Equal((string)item["finalChallengeHash"]!, Convert.ToHexString(signed.FinalChallengeHash).ToLowerInvariant());
        Assert.Empty(signed.TransactionContentHash);
    }

    [Fact]
    public void Succeeds_ForSynapticsAuthenticationSignatureWithItsRegisteredKey()
    {
        var key = RegistrationAssertionReader.Read(Bytes("getSecondExampleRegAssertions()")).Krd;
        var assertion = AuthenticationAssertionReader.Read(Bytes("getExampleAuthAssertionsFromCertTool()"));
        var imported = FigiAuth.Uaf.Crypto.UafPublicKey.Import(key.SignatureAlgorithm, key.PublicKeyEncoding, key.PublicKey, "test");
        using var publicKey = Expect.Success(imported);
        Assert.True(publicKey.Verify(assertion.SignedData.Raw, assertion.Signature));
    }

    [Fact]
    public void Fails_With1498_WhenEbayClientSignedDataHas8ByteCounters()
    {
        Expect.Failure(() => AuthenticationAssertionReader.Read(Bytes("getExampleAuthAssertionsFromClient()")), UafStatusCode.UnacceptableContent, UafSteps.Auth11);
    }

    [Fact]
    public async Task Fails_With1498_WhenEbayClientAuthAssertionIsPosted()
    {
        // Through the public API: a ceremony of ours carrying the EBA0#0001 assertion stops at the
        // 8-byte TAG_COUNTERS (UAF-AUTH-11) before the key lookup; its signature would not verify either.
        var test = new AuthenticationScenario { Assertions = _ => [Bytes("getExampleAuthAssertionsFromClient()")] };
        test.Metadata.Add(TestMetadataStore.SurrogateP256("EBA0#0001"));
        Expect.Failure(await test.RunAsync(), UafStatusCode.UnacceptableContent, UafSteps.Auth11);
    }
}
