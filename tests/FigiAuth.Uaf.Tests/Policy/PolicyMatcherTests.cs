using FigiAuth.Uaf.Messages;
using FigiAuth.Uaf.Metadata;
using FigiAuth.Uaf.Policy;
using FigiAuth.Uaf.Tests.Metadata;

namespace FigiAuth.Uaf.Tests.Policy;

public sealed class PolicyMatcherTests
{
    // userVerificationDetails: [[fingerprint]] -> 2
    private static readonly MetadataStatement Fingerprint = MetadataTestFiles.SpecExample();
    private static readonly MetadataStatement Face = Fingerprint with { Aaid = "1234#0010", UserVerificationDetails = [[0x10]], UserVerification = 0x10 };
    // one authenticator that needs fingerprint AND face together
    private static readonly MetadataStatement FingerprintAndFace = Fingerprint with { Aaid = "ABCD#0001", UserVerificationDetails = [[0x02, 0x10]], UserVerification = 0x12 };
    private static readonly MetadataStatement Roaming = Face with { Aaid = "9999#0001", AttachmentHint = 0x02 };

    [Theory]
    [InlineData(1, "1234#5678", true)]
    [InlineData(1, "9999#0001", true)]
    [InlineData(2, "1234#5678", true)]
    [InlineData(2, "1234#0010", true)]
    [InlineData(2, "ABCD#0001", false)]
    [InlineData(3, "1234#5678", true)]
    [InlineData(3, "1234#0010", true)]
    [InlineData(3, "ABCD#0001", false)]
    [InlineData(4, "ABCD#0001", true)]
    [InlineData(4, "1234#5678", false)]
    [InlineData(4, "1234#0010", false)]
    [InlineData(5, "1234#5678", true)]
    [InlineData(5, "1234#0010", true)]
    [InlineData(6, "1234#0010", true)]
    [InlineData(6, "9999#0001", false)]
    [InlineData(7, "1234#5678", true)]
    [InlineData(7, "1234#0010", true)]
    [InlineData(7, "9999#0001", false)]
    public void Succeeds_ForSpecPolicyExamples(int example, string aaid, bool allowed)
    {
        var authenticator = new[] { Fingerprint, Face, FingerprintAndFace, Roaming }.Single(a => a.Aaid == aaid);

        Assert.Equal(allowed, PolicyMatcher.IsAllowed(PolicyExamples.Get(example), authenticator, keyId: null));
    }

    [Fact]
    public void Succeeds_ForExample5_NeedingBothAuthenticatorsOfTheSet()
    {
        var set = Assert.Single(PolicyExamples.Get(5).Accepted);

        Assert.True(PolicyMatcher.Matches(set[0], Fingerprint, null));
        Assert.False(PolicyMatcher.Matches(set[1], Fingerprint, null));
        Assert.True(PolicyMatcher.Matches(set[1], Face, null));
    }

    [Fact]
    public void Succeeds_ForEachMatchCriteriaMember()
    {
        var a = Fingerprint; // keyProtection 6, matcher 2, attachment 1, tcDisplay 5, version 2, BasicFull
        Assert.True(PolicyMatcher.Matches(new MatchCriteria { Aaid = ["1234#5678".ToLowerInvariant()] }, a, null));
        Assert.True(PolicyMatcher.Matches(new MatchCriteria { VendorId = ["1234"] }, a, null));
        Assert.False(PolicyMatcher.Matches(new MatchCriteria { VendorId = ["1235"] }, a, null));
        Assert.True(PolicyMatcher.Matches(new MatchCriteria { Aaid = ["1234#5678"], KeyIds = ["k1", "k2"] }, a, "k2"));
        Assert.False(PolicyMatcher.Matches(new MatchCriteria { Aaid = ["1234#5678"], KeyIds = ["k1"] }, a, null));
        Assert.False(PolicyMatcher.Matches(new MatchCriteria { KeyIds = ["k1"] }, a, "K1"));
        Assert.True(PolicyMatcher.Matches(new MatchCriteria { KeyProtection = 0x04 }, a, null));
        Assert.False(PolicyMatcher.Matches(new MatchCriteria { KeyProtection = 0x08 }, a, null));
        Assert.True(PolicyMatcher.Matches(new MatchCriteria { MatcherProtection = 0x02 }, a, null));
        Assert.False(PolicyMatcher.Matches(new MatchCriteria { MatcherProtection = 0x04 }, a, null));
        Assert.False(PolicyMatcher.Matches(new MatchCriteria { AttachmentHint = 0x02 }, a, null));
        Assert.True(PolicyMatcher.Matches(new MatchCriteria { TcDisplay = 0x04 }, a, null));
        Assert.False(PolicyMatcher.Matches(new MatchCriteria { TcDisplay = 0x02 }, a, null));
        Assert.True(PolicyMatcher.Matches(new MatchCriteria { AuthenticationAlgorithms = [2, 1] }, a, null));
        Assert.False(PolicyMatcher.Matches(new MatchCriteria { AuthenticationAlgorithms = [2] }, a, null));
        Assert.False(PolicyMatcher.Matches(new MatchCriteria { AssertionSchemes = ["WAV1CBOR"] }, a, null));
        Assert.True(PolicyMatcher.Matches(new MatchCriteria { AttestationTypes = [0x3E08, 0x3E07] }, a, null));
        Assert.False(PolicyMatcher.Matches(new MatchCriteria { AttestationTypes = [0x3E08] }, a, null));
        Assert.True(PolicyMatcher.Matches(new MatchCriteria { AuthenticatorVersion = 2 }, a, null));
        Assert.False(PolicyMatcher.Matches(new MatchCriteria { AuthenticatorVersion = 3 }, a, null));
        Assert.False(PolicyMatcher.Matches(new MatchCriteria { Exts = [new("ext.x", "", true)] }, a, null));
        Assert.True(PolicyMatcher.Matches(new MatchCriteria { Exts = [new("ext.x", "", false)] }, a, null));
    }

    [Fact]
    public void Fails_WhenAuthenticatorIsDisallowedEvenIfAccepted()
    {
        var policy = new UafPolicy(
            [[new MatchCriteria { Aaid = ["1234#5678"] }]],
            [new MatchCriteria { Aaid = ["1234#5678"], KeyIds = ["k1"] }]);

        Assert.False(PolicyMatcher.IsAllowed(policy, Fingerprint, "k1"));
        Assert.True(PolicyMatcher.IsAllowed(policy, Fingerprint, "k2"));
    }
}
