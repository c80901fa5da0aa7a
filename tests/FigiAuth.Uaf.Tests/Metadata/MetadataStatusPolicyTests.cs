using FigiAuth.Uaf.Metadata;

namespace FigiAuth.Uaf.Tests.Metadata;

public sealed class MetadataStatusPolicyTests
{
    private static readonly byte[] CompromisedCert = [0x30, 0x01, 0x01];
    private static readonly byte[] OtherCert = [0x30, 0x01, 0x02];

    private static MetadataEntry Entry(params StatusReport[] reports) => new(MetadataTestFiles.FigiSample(), reports);

    [Fact]
    public void Succeeds_ForCertifiedAuthenticator()
    {
        var entry = Entry(new StatusReport(AuthenticatorStatus.FidoCertifiedL1));

        Assert.Null(MetadataStatusPolicy.Evaluate(entry, forRegistration: true, "UAF-REG-12"));
        Assert.Null(MetadataStatusPolicy.Evaluate(new MetadataEntry(MetadataTestFiles.FigiSample()), false, "UAF-AUTH-12"));
    }

    [Theory]
    [InlineData(true, "UAF-REG-12")]
    [InlineData(false, "UAF-AUTH-12")]
    public void Fails_With1493_WhenAuthenticatorIsRevoked(bool forRegistration, string stepId)
    {
        var entry = Entry(new StatusReport(AuthenticatorStatus.FidoCertified), new StatusReport(AuthenticatorStatus.Revoked));

        var failure = MetadataStatusPolicy.Evaluate(entry, forRegistration, stepId);

        Assert.Equal(UafStatusCode.RevokedAuthenticator, failure?.Status);
        Assert.Equal(stepId, failure?.StepId);
        Assert.True(MetadataStatusPolicy.IsModelUnacceptable(entry));
    }

    [Fact]
    public void Fails_With1493_WhenRegistrationIsAttestedByCompromisedCertificate_Only()
    {
        var entry = Entry(new StatusReport(AuthenticatorStatus.AttestationKeyCompromise, Certificate: CompromisedCert));

        Assert.Equal(UafStatusCode.RevokedAuthenticator,
            MetadataStatusPolicy.Evaluate(entry, true, "UAF-REG-12", attestationCertificates: [OtherCert, CompromisedCert])?.Status);
        Assert.Null(MetadataStatusPolicy.Evaluate(entry, true, "UAF-REG-12", attestationCertificates: [OtherCert]));
        Assert.Null(MetadataStatusPolicy.Evaluate(entry, true, "UAF-REG-12"));
        Assert.Null(MetadataStatusPolicy.Evaluate(entry, false, "UAF-AUTH-12", attestationCertificates: [CompromisedCert]));
        Assert.False(MetadataStatusPolicy.IsModelUnacceptable(entry));
    }

    [Fact]
    public void Fails_With1493_WhenAttestationKeyCompromiseNamesNoCertificate_ForRegistrationsOnly()
    {
        var entry = Entry(new StatusReport(AuthenticatorStatus.AttestationKeyCompromise));

        Assert.Equal("UAF-REG-12", MetadataStatusPolicy.Evaluate(entry, true, "UAF-REG-12", attestationCertificates: [OtherCert])?.StepId);
        Assert.Null(MetadataStatusPolicy.Evaluate(entry, false, "UAF-AUTH-12"));
    }

    [Theory]
    [InlineData(AuthenticatorStatus.UserVerificationBypass)]
    [InlineData(AuthenticatorStatus.UserKeyRemoteCompromise)]
    [InlineData(AuthenticatorStatus.UserKeyPhysicalCompromise)]
    public void Fails_With1493_WhenUserSideCompromiseIsNotFixedByAuthenticatorVersion(AuthenticatorStatus status)
    {
        var entry = Entry(
            new StatusReport(status, new DateOnly(2024, 1, 1)),
            new StatusReport(AuthenticatorStatus.UpdateAvailable, new DateOnly(2024, 2, 1), AuthenticatorVersion: 5));

        Assert.Equal(UafStatusCode.RevokedAuthenticator, MetadataStatusPolicy.Evaluate(entry, false, "UAF-AUTH-12", authenticatorVersion: 4)?.Status);
        Assert.NotNull(MetadataStatusPolicy.Evaluate(entry, true, "UAF-REG-12"));
        Assert.Null(MetadataStatusPolicy.Evaluate(entry, false, "UAF-AUTH-12", authenticatorVersion: 5));
        Assert.Null(MetadataStatusPolicy.Evaluate(entry, true, "UAF-REG-12", authenticatorVersion: 6));
        Assert.True(MetadataStatusPolicy.IsModelUnacceptable(Entry(new StatusReport(status))));
    }
}
