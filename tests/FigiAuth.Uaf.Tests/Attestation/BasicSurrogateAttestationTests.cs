using FigiAuth.Uaf.Algorithms;
using FigiAuth.Uaf.Attestation;
using FigiAuth.Uaf.Tests.Crypto;

namespace FigiAuth.Uaf.Tests.Attestation;

/// <summary>UAF-REG-18 basic surrogate attestation, with the real 4e4e#4090 responses.</summary>
public sealed class BasicSurrogateAttestationTests
{
    public static TheoryData<string> Assertions => VectorSignatureTests.SurrogateAssertions();

    [Theory]
    [MemberData(nameof(Assertions))]
    public void Succeeds_ForTheNokNokSurrogateResponses(string assertion)
    {
        var parsed = RegistrationAssertionVector.Parse(assertion);
        var metadata = AttestationScenario.MetadataFor(UafAttestationType.BasicSurrogate, []);
        Assert.Null(AttestationVerifier.Verify(parsed, metadata, AttestationScenario.Now));
    }

    [Theory]
    [MemberData(nameof(Assertions))]
    public void Fails_With1496_WhenMetadataListsOnlyBasicFull(string assertion)
    {
        var parsed = RegistrationAssertionVector.Parse(assertion);
        var metadata = AttestationScenario.MetadataFor(UafAttestationType.BasicFull, [new AttestationScenario().Root]);
        AttestationScenario.AssertRejected(AttestationVerifier.Verify(parsed, metadata, AttestationScenario.Now));
    }

    [Theory]
    [MemberData(nameof(Assertions))]
    public void Fails_With1496_WhenTheSignatureIsBad(string assertion)
    {
        var parsed = RegistrationAssertionVector.Parse(assertion);
        parsed.Signature[3] ^= 0x01;
        AttestationScenario.AssertRejected(AttestationVerifier.Verify(parsed, AttestationScenario.MetadataFor(UafAttestationType.BasicSurrogate, []), AttestationScenario.Now));
    }
}
