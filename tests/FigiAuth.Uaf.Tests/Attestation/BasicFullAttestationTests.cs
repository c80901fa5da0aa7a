using System.Security.Cryptography;
using FigiAuth.Uaf.Algorithms;
using FigiAuth.Uaf.Attestation;
using FigiAuth.Uaf.Tests.Crypto;

namespace FigiAuth.Uaf.Tests.Attestation;

/// <summary>UAF-REG-18 basic full attestation (UAF.md §8.2 step 9.9).</summary>
public sealed class BasicFullAttestationTests
{
    private static UafFailure? Run(AttestationScenario test, DateTimeOffset? now = null) =>
        AttestationVerifier.Verify(test.Assertion(), test.Metadata, now ?? AttestationScenario.Now);

    private static void AssertRejected(UafFailure? failure) => AttestationScenario.AssertRejected(failure);

    [Fact]
    public void Succeeds_ForAnAttestationCertificateIssuedByTheMetadataRoot() => Assert.Null(Run(new AttestationScenario()));

    [Fact]
    public void Succeeds_WhenAnIntermediateIsIncluded() => Assert.Null(Run(new AttestationScenario(withIntermediate: true)));

    [Fact]
    public void Succeeds_WithoutAnAaidExtension() => Assert.Null(Run(new AttestationScenario(aaidExtension: null)));

    [Fact]
    public void Succeeds_WhenTheAttestationCertificateIsTheRoot()
    {
        var test = new AttestationScenario();
        test.Metadata = AttestationScenario.MetadataFor(UafAttestationType.BasicFull, [test.Certificates[0]]);
        Assert.Null(Run(test));
    }

    [Fact]
    public void Fails_With1496_WhenTheRootIsAnother()
    {
        var test = new AttestationScenario();
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = AttestationScenario.SelfSigned(otherKey, "CN=FigiAuth Test Attestation Root");
        test.Metadata = AttestationScenario.MetadataFor(UafAttestationType.BasicFull, [other.RawData]);
        AssertRejected(Run(test));
    }

    [Fact]
    public void Fails_With1496_WhenTheIntermediateIsMissing()
    {
        var test = new AttestationScenario(withIntermediate: true);
        test.Certificates.RemoveAt(1);
        AssertRejected(Run(test));
    }

    [Fact]
    public void Fails_With1496_WhenTheAttestationCertificateHasExpired() =>
        AssertRejected(Run(new AttestationScenario(leafNotAfter: AttestationScenario.Now.AddDays(-1))));

    [Fact]
    public void Fails_With1496_WhenTheSignatureIsBad()
    {
        var test = new AttestationScenario();
        test.Signature[10] ^= 0x01;
        AssertRejected(Run(test));
    }

    [Fact]
    public void Fails_With1496_WhenTheAaidExtensionDiffers() => AssertRejected(Run(new AttestationScenario(aaidExtension: "FFFF#FC02")));

    [Fact]
    public void Fails_With1496_WhenThereIsNoAttestationCertificate()
    {
        var test = new AttestationScenario();
        test.Certificates.Clear();
        AssertRejected(Run(test));
    }

    [Fact]
    public void Fails_With1496_WhenAnAttestationCertificateDoesNotParse()
    {
        var test = new AttestationScenario();
        test.Certificates.Add([0x30, 0x03, 0x02, 0x01, 0x01]);
        AssertRejected(Run(test));
    }

    [Fact]
    public void Fails_With1496_WhenMetadataHasNoRoots()
    {
        var test = new AttestationScenario();
        test.Metadata = AttestationScenario.MetadataFor(UafAttestationType.BasicFull, []);
        AssertRejected(Run(test));
    }

    [Fact]
    public void Fails_With1496_WhenMetadataListsOnlySurrogate()
    {
        var test = new AttestationScenario();
        test.Metadata = AttestationScenario.MetadataFor(UafAttestationType.BasicSurrogate, [test.Root]);
        AssertRejected(Run(test));
    }

    [Fact]
    public void Fails_With1496_WhenTheAttestationIsEcdaa()
    {
        var test = new AttestationScenario { Type = UafAttestationType.Ecdaa };
        test.Metadata = AttestationScenario.MetadataFor(UafAttestationType.Ecdaa, []);
        AssertRejected(Run(test));
    }

    [Fact]
    public void Succeeds_ForTheSpecExampleWithItsOwnCertificateAsRootIn2015()
    {
        var assertion = RegistrationAssertionVector.Parse(VectorSignatureTests.SpecAssertion());
        var metadata = AttestationScenario.MetadataFor(UafAttestationType.BasicFull, [assertion.Certificates[0]]);
        Assert.Null(AttestationVerifier.Verify(assertion, metadata, new DateTimeOffset(2015, 6, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Fails_With1496_WhenTheSpecExampleCertificateHasExpired()
    {
        var assertion = RegistrationAssertionVector.Parse(VectorSignatureTests.SpecAssertion());
        var metadata = AttestationScenario.MetadataFor(UafAttestationType.BasicFull, [assertion.Certificates[0]]);
        AssertRejected(AttestationVerifier.Verify(assertion, metadata, AttestationScenario.Now));
    }
}
