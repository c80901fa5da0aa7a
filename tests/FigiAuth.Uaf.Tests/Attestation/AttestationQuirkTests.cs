using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FigiAuth.Uaf.Algorithms;
using FigiAuth.Uaf.Attestation;
using FigiAuth.Uaf.Tests.Crypto;

namespace FigiAuth.Uaf.Tests.Attestation;

/// <summary>Roots .NET cannot parse (UAF.md §10.5, docs/specs/attestation-quirks.md).</summary>
public sealed class AttestationQuirkTests
{
    private static byte[] ConformanceRoot() => Convert.FromBase64String(VectorSignatureTests.Load("conformance-tool-metadata-statements.json")
        .GetProperty("statements").GetProperty("FFFF#FC01").GetProperty("attestationRootCertificates")[0].GetString()!);

    [Fact]
    public void Succeeds_ForReadingTheConformanceRootLeniently()
    {
        var der = ConformanceRoot();
        Assert.Null(BasicFullAttestation.TryLoad(der));
        var root = UnparsedRootCertificate.TryRead(der);
        Assert.NotNull(root);
        Assert.Null(root.NotBefore);
        Assert.Equal(2022, root.NotAfter.Year);
        Assert.NotNull(SubjectPublicKeyInfoOf(root.SubjectPublicKeyInfo));
    }

    [Fact]
    public void Fails_With1496_WhenTheAttestationCertificateIsNotIssuedByTheConformanceRoot()
    {
        var test = new AttestationScenario();
        test.Metadata = AttestationScenario.MetadataFor(UafAttestationType.BasicFull, [ConformanceRoot()]);
        AttestationScenario.AssertRejected(AttestationVerifier.Verify(test.Assertion(), test.Metadata, AttestationScenario.Now));
    }

    [Fact]
    public void Succeeds_ForACertificateSignedByARootWithAnImpossibleNotBefore()
    {
        var test = new AttestationScenario();
        test.Metadata = AttestationScenario.MetadataFor(UafAttestationType.BasicFull, [LeapDayRoot(test.RootKey)]);
        Assert.Null(AttestationVerifier.Verify(test.Assertion(), test.Metadata, AttestationScenario.Now));
    }

    [Fact]
    public void Fails_With1496_WhenARootWithAnImpossibleNotBeforeDidNotSignTheCertificate()
    {
        var test = new AttestationScenario();
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        test.Metadata = AttestationScenario.MetadataFor(UafAttestationType.BasicFull, [LeapDayRoot(otherKey)]);
        AttestationScenario.AssertRejected(AttestationVerifier.Verify(test.Assertion(), test.Metadata, AttestationScenario.Now));
    }

    /// <summary>A root like the conformance tool's: notBefore 29 Feb 2016 rewritten to the impossible 29 Feb 2017.</summary>
    private static byte[] LeapDayRoot(ECDsa key)
    {
        using var root = AttestationScenario.SelfSigned(key, "CN=FigiAuth Test Attestation Root", new DateTimeOffset(2016, 2, 29, 14, 31, 12, TimeSpan.Zero));
        var der = root.RawData;
        var at = der.AsSpan().IndexOf("160229143112Z"u8);
        Assert.True(at > 0);
        "17"u8.CopyTo(der.AsSpan(at));
        Assert.Null(BasicFullAttestation.TryLoad(der));
        return der;
    }

    private static ECDsa? SubjectPublicKeyInfoOf(byte[] spki)
    {
        var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(spki, out _);
        return key;
    }
}
