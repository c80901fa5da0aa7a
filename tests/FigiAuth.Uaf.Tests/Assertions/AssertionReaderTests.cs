using FigiAuth.Uaf.Assertions;
using FigiAuth.Uaf.Tests.Support;
using FigiAuth.Uaf.Tlv;
using FigiAuth.Uaf.Verification;

namespace FigiAuth.Uaf.Tests.Assertions;

public sealed class AssertionReaderTests
{
    private const UafStatusCode Content = UafStatusCode.UnacceptableContent;
    private const string Fc = "ZmNQYXJhbXM";
    private readonly UafTestAuthenticator _authenticator = new();

    [Fact]
    public void Succeeds_ForRegistrationAssertion_WithRawCoveringTheKrdHeader()
    {
        var krd = _authenticator.KrdFields(Fc);
        var assertion = RegistrationAssertionReader.Read(_authenticator.Register(krd));
        Assert.Equal(krd.Encode(UafTag.UafV1Krd), assertion.Krd.Raw);
        Assert.Equal(_authenticator.KeyId, assertion.Krd.KeyId);
        Assert.Equal(_authenticator.PublicKey, assertion.Krd.PublicKey);
        Assert.Empty(assertion.Certificates);
    }

    [Fact]
    public void Succeeds_ForUnsignedNonCriticalExtension_WhichIsKept()
    {
        var bytes = _authenticator.Register(_authenticator.KrdFields(Fc), (k, sig) => TestTlv.Composite(UafTag.UafV1RegAssertion, k,
            TestTlv.Composite(UafTag.AttestationBasicSurrogate, TestTlv.Element(UafTag.Signature, sig)),
            TestTlv.Extension(UafTag.ExtensionNonCritical, "fido.uaf.test", [9])));
        var extension = Assert.Single(RegistrationAssertionReader.Read(bytes).UnsignedExtensions);
        Assert.Equal(("fido.uaf.test", false), (extension.Id, extension.Critical));
    }

    [Fact]
    public void Succeeds_ForSignedDataWithEmptyTransactionHash_AndRawCoveringItsHeader()
    {
        var fields = _authenticator.SignedDataFields(Fc);
        var assertion = AuthenticationAssertionReader.Read(_authenticator.Sign(fields));
        Assert.Equal(fields.Encode(UafTag.UafV1SignedData), assertion.SignedData.Raw);
        Assert.Empty(assertion.SignedData.TransactionContentHash);
        Assert.Equal(64, assertion.Signature.Length);
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 0x01, 0x3E })]
    [InlineData(new byte[] { 0x01, 0x3E, 0x05, 0x00, 0x00 })]
    [InlineData(new byte[] { 0x02, 0x3E, 0x00, 0x00 })]
    [InlineData(new byte[] { 0x01, 0x3E, 0x00, 0x00 })]
    public void Fails_With1498_WhenRegistrationTlvIsTruncatedOrEmpty(byte[] bytes)
    {
        Expect.Failure(() => RegistrationAssertionReader.Read(bytes), Content, UafSteps.Reg10);
    }

    [Fact]
    public void Fails_With1498_WhenSurrogateCarriesACertificate()
    {
        var bytes = _authenticator.Register(_authenticator.KrdFields(Fc), (k, sig) => TestTlv.Composite(UafTag.UafV1RegAssertion, k,
            TestTlv.Composite(UafTag.AttestationBasicSurrogate, TestTlv.Element(UafTag.Signature, sig), TestTlv.Element(UafTag.AttestationCert, [1]))));
        Expect.Failure(() => RegistrationAssertionReader.Read(bytes), Content, UafSteps.Reg10);
    }

    [Fact]
    public void Fails_With1498_WhenNestedLengthOverrunsItsParent()
    {
        var bytes = _authenticator.Register(_authenticator.KrdFields(Fc));
        bytes[6] = 0xFF; // KRD length beyond the outer element
        Expect.Failure(() => RegistrationAssertionReader.Read(bytes), Content, UafSteps.Reg10);
    }

    [Fact]
    public void Fails_With1498_WhenKrdChildLengthOverrunsTheKrd()
    {
        var bytes = _authenticator.Register(_authenticator.KrdFields(Fc));
        bytes[10] = 0xFF; // TAG_AAID length beyond the KRD
        Expect.Failure(() => RegistrationAssertionReader.Read(bytes), Content, UafSteps.Reg11);
    }

    [Fact]
    public void Fails_With1498_WhenSignedDataRepeatsKeyId()
    {
        var fields = _authenticator.SignedDataFields(Fc);
        Expect.Failure(() => AuthenticationAssertionReader.Read(_authenticator.Sign(fields.Append(UafTag.KeyId, _authenticator.KeyId))), Content, UafSteps.Auth11);
    }

    [Fact]
    public void Fails_With1498_WhenSignatureIsRepeated()
    {
        var fields = _authenticator.SignedDataFields(Fc);
        var bytes = _authenticator.Sign(fields, null, TestTlv.Element(UafTag.Signature, [1]));
        Expect.Failure(() => AuthenticationAssertionReader.Read(bytes), Content, UafSteps.Auth10);
    }

    [Fact]
    public void Fails_With1498_WhenExtensionHasNoId()
    {
        var fields = _authenticator.SignedDataFields(Fc).Append(UafTag.ExtensionNonCritical, TestTlv.Element(UafTag.ExtensionData, [1]));
        Expect.Failure(() => AuthenticationAssertionReader.Read(_authenticator.Sign(fields)), Content, UafSteps.Auth11);
    }

    [Fact]
    public void Fails_With1498_WhenKeyIdIsLongerThan2048Bytes()
    {
        var fields = _authenticator.SignedDataFields(Fc).Set(UafTag.KeyId, new byte[2049]);
        Expect.Failure(() => AuthenticationAssertionReader.Read(_authenticator.Sign(fields)), Content, UafSteps.Auth11);
    }

    [Fact]
    public void Succeeds_ForKeyIdOf2048Bytes_AWrappedKeyHandle()
    {
        var fields = _authenticator.SignedDataFields(Fc).Set(UafTag.KeyId, new byte[2048]);
        Assert.Equal(2048, AuthenticationAssertionReader.Read(_authenticator.Sign(fields)).SignedData.KeyId.Length);
    }
}
