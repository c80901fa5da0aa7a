using FigiAuth.Uaf.Encoding;
using FigiAuth.Uaf.Metadata;
using Microsoft.Extensions.Time.Testing;

namespace FigiAuth.Uaf.Tests.Metadata;

public sealed class Mds3BlobVerifierTests
{
    private static Mds3BlobVerifier Verifier(Mds3TestPki pki, params byte[][] crls)
    {
        var options = new Mds3BlobVerifierOptions();
        options.RootCertificates.Add(pki.Root.RawData);
        foreach (var crl in crls)
            options.CertificateRevocationLists.Add(crl);
        return new Mds3BlobVerifier(options, new FakeTimeProvider(Mds3TestPki.Now));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Succeeds_ForBlobSignedByLeafChainedToConfiguredRoot(bool rsaLeaf)
    {
        using var pki = Mds3TestPki.Create(rsaLeaf);

        var result = Verifier(pki).Verify(pki.Sign(Mds3TestBlobs.Payload(7)));

        Assert.True(result.Succeeded, result.Failure?.ToString());
        var blob = result.Value;
        Assert.Equal(7, blob.No);
        Assert.Equal(new DateOnly(2025, 7, 1), blob.NextUpdate);
        Assert.Equal(3, blob.Entries.Count);
        Assert.Equal(["F161#0001", "F161#0002"], blob.UafEntries.Select(e => e.Statement.Aaid));
        var fido2 = Assert.Single(blob.Entries, e => e.Aaguid is not null);
        Assert.Null(fido2.Statement);
        Assert.Equal("fido2", fido2.RawStatement?.GetProperty("protocolFamily").GetString());
        // Unknown statuses are ignored; reports are ordered oldest first.
        Assert.Equal(AuthenticatorStatus.FidoCertifiedL1, Assert.Single(blob.UafEntries[0].StatusReports).Status);
        Assert.Equal(AuthenticatorStatus.Revoked, blob.UafEntries[1].CurrentStatus?.Status);
    }

    [Fact]
    public void Fails_With1498_WhenPayloadIsTampered()
    {
        using var pki = Mds3TestPki.Create();
        var parts = pki.Sign(Mds3TestBlobs.Payload(7)).Split('.');
        parts[1] = StrictBase64Url.Encode(System.Text.Encoding.UTF8.GetBytes(Mds3TestBlobs.Payload(8)));

        var result = Verifier(pki).Verify(string.Join('.', parts));

        Assert.Equal(UafStatusCode.UnacceptableContent, result.Failure?.Status);
        Assert.Equal("MDS-03", result.Failure?.StepId);
    }

    [Fact]
    public void Fails_With1498_WhenChainEndsAtAnotherRoot()
    {
        using var pki = Mds3TestPki.Create();
        using var other = Mds3TestPki.Create();

        var result = Verifier(other).Verify(pki.Sign(Mds3TestBlobs.Payload(7)));

        Assert.Equal("MDS-04", result.Failure?.StepId);
    }

    [Fact]
    public void Fails_With1498_WhenLeafIsRevokedByCrl()
    {
        using var pki = Mds3TestPki.Create();
        var crls = new[] { Mds3TestPki.Crl(pki.Root), Mds3TestPki.Crl(pki.Intermediate, pki.Leaf) };

        var result = Verifier(pki, crls).Verify(pki.Sign(Mds3TestBlobs.Payload(7)));

        Assert.Equal("MDS-05", result.Failure?.StepId);
        Assert.Contains("revoked", result.Failure?.Detail);
    }

    [Fact]
    public void Succeeds_ForCrlsThatDoNotListTheChain()
    {
        using var pki = Mds3TestPki.Create();
        using var other = Mds3TestPki.Create();
        var crls = new[] { Mds3TestPki.Crl(pki.Root), Mds3TestPki.Crl(pki.Intermediate, other.Leaf) };

        var result = Verifier(pki, crls).Verify(pki.Sign(Mds3TestBlobs.Payload(7)));

        Assert.True(result.Succeeded, result.Failure?.ToString());
    }

    [Fact]
    public void Fails_With1498_WhenCrlsAreConfiguredButNoneCoversTheLeaf()
    {
        using var pki = Mds3TestPki.Create();

        var result = Verifier(pki, Mds3TestPki.Crl(pki.Root)).Verify(pki.Sign(Mds3TestBlobs.Payload(7)));

        Assert.Equal("MDS-05", result.Failure?.StepId);
    }

    [Theory]
    [InlineData("a.b")]
    [InlineData("")]
    [InlineData("eyJhbGciOiJub25lIn0.e30.")]
    public void Fails_With1498_WhenJwsIsMalformedOrUnsigned(string jws)
    {
        using var pki = Mds3TestPki.Create();

        var result = Verifier(pki).Verify(jws);

        Assert.Equal(UafStatusCode.UnacceptableContent, result.Failure?.Status);
        Assert.StartsWith("MDS-0", result.Failure?.StepId);
    }
}
